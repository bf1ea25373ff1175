import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { App } from './app/App';
import { setBridge } from './bridge';
import { connectBridge } from './bridge/connect';
import './styles/app.css';
import './styles/library.css';
import './styles/iterate.css';
import './styles/first-run.css';

// The bridge is handed to everything that asks the main process (stores first) before anything renders.
const { api, inElectron } = connectBridge();
setBridge(api, { inElectron });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
