import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base stylesheet first: each screen's own stylesheet (imported beside it) builds on it.
import './styles.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
