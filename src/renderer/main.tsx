import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { translator } from '../shared/i18n';
import { initApi } from './api/client';
import { App } from './app/App';
import './styles/app.css';
import './styles/usability.css';
import './styles/import.css';
import './styles/agreement.css';
import './styles/team.css';

const root = createRoot(document.getElementById('root')!);
if (initApi()) {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  // Browser mode opened without the token the host printed.
  const t = translator(navigator.language.startsWith('en') ? 'en' : 'it');
  root.render(<p className="loading">{t('app.tokenMissing')}</p>);
}
