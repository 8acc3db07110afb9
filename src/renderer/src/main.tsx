import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/600.css';
import { App } from './App';
import { applySavedTheme } from './theme';
import './styles/theme.css';
import './styles/app.css';
import './styles/reader.css';
import './styles/review.css';
import './styles/cards.css';

applySavedTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
