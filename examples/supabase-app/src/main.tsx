import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import NotesPage from './pages/NotesPage';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <NotesPage />
  </StrictMode>,
);
