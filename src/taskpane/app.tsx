import { Body1, FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Title2, tokens, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { TaskPane } from "./components/TaskPane";
import { languageOf, pickStrings, type Strings } from "./i18n";
import { createServices, type HostEnvironment } from "./services";

export interface MountOptions {
  /** Office's theme is dark (Office.context.officeTheme). */
  dark?: boolean;
}

/** Renders the task pane into the page, over the given host (Excel, or the test harness's fake). */
export function mountTaskPane(container: HTMLElement, env: HostEnvironment, options: MountOptions = {}): void {
  const strings = pickStrings(env.displayLanguage);
  document.documentElement.lang = languageOf(strings);
  createRoot(container).render(<TaskPane services={createServices(env)} strings={strings} dark={options.dark ?? false} />);
}

/**
 * Whether a colour of Office's theme ("#1F1F1F") is dark: relative luminance below one half.
 * Office gives the pane's colours, not a flag, so the pane reads dark from its background.
 */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}` },
  heading: { margin: 0 },
});

function NotInExcel({ strings }: { strings: Strings }) {
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Title2 as="h1" className={styles.heading}>
        {strings.app.title}
      </Title2>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.app.notInExcelTitle}</MessageBarTitle>
          <Body1>{strings.app.notInExcel}</Body1>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}

/** The page shown when office.js did not load (opened outside Excel, offline, blocked): a sentence, not a blank pane. */
export function mountNotInExcel(container: HTMLElement, language: string | undefined): void {
  const strings = pickStrings(language);
  document.documentElement.lang = languageOf(strings);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <NotInExcel strings={strings} />
    </FluentProvider>,
  );
}
