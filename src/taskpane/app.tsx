import { FluentProvider, MessageBar, MessageBarBody, Title2, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { checkRequirements, RequirementProbe } from "../hosts/office/requirements";

/**
 * Placeholder for the task pane (Hitta, Inställningar, Kör come with the UI work): shows the
 * name, or why this Excel cannot run Följsam.
 */
function TaskPane({ requirements }: { requirements?: RequirementProbe | null }) {
  const check = checkRequirements(requirements);
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">Följsam</Title2>
        {!check.ok && (
          <MessageBar intent="warning">
            <MessageBarBody>{check.message}</MessageBarBody>
          </MessageBar>
        )}
      </main>
    </FluentProvider>
  );
}

export function mountTaskPane(container: HTMLElement, requirements?: RequirementProbe | null): void {
  createRoot(container).render(<TaskPane requirements={requirements} />);
}
