import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CustomerDisplay } from './CustomerDisplay.tsx';
import './feed.ts';
import './customer.css';

const root = document.getElementById('root');
if (!root) throw new Error('customer.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CustomerDisplay />
  </StrictMode>,
);
