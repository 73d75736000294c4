import { createRoot } from "react-dom/client";
import { TaskPane } from "./components/TaskPane";
import { languageOf, pickStrings } from "./i18n";
import { createServices, type HostEnvironment } from "./services";

/** Renders the task pane into the page, over the given host (Excel, or the test harness's fake). */
export function mountTaskPane(container: HTMLElement, env: HostEnvironment): void {
  const strings = pickStrings(env.displayLanguage);
  document.documentElement.lang = languageOf(strings);
  createRoot(container).render(<TaskPane services={createServices(env)} strings={strings} />);
}
