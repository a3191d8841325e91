import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../platform/AppProviders';
import { PortalPage } from './PortalPage';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders>
      <PortalPage />
    </AppProviders>
  </StrictMode>,
);
