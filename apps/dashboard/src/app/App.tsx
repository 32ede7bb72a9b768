import { ConnectionStatus } from '../components/ConnectionStatus';
import { EventLogSection } from '../sections/EventLogSection';
import { ForecastSection } from '../sections/ForecastSection';
import { IntegrationsSection } from '../sections/IntegrationsSection';
import { InventorySection } from '../sections/InventorySection';
import { ProductionSection } from '../sections/ProductionSection';
import { SalesSection } from '../sections/SalesSection';
import { WorkingCapitalSection } from '../sections/WorkingCapitalSection';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the figures
      </a>
      <header className="page-header">
        <h1>Operations dashboard</h1>
        <ConnectionStatus />
      </header>
      <main id="main" className="grid" tabIndex={-1}>
        <IntegrationsSection />
        <SalesSection />
        <WorkingCapitalSection />
        <InventorySection />
        <ProductionSection />
        <EventLogSection />
        <ForecastSection />
      </main>
      <footer className="page-footer">
        <p>Figures come from the read API of this server; live updates from its event stream.</p>
      </footer>
    </>
  );
}
