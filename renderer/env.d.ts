// Stylesheets are imported for their side effect; Vite extracts them into a CSS file.
declare module '*.css' {}
