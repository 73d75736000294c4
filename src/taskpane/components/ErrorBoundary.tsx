import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Component, type ErrorInfo, type ReactNode } from "react";
import type { Strings } from "../i18n";
import { Value } from "./Value";

interface Props {
  strings: Strings;
  children: ReactNode;
}

/**
 * A render error in the pane shows a sentence with a next step instead of a blank pane; "Öppna
 * Följsam igen" renders the pane afresh. The workbook is untouched: rendering writes nothing.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is where a developer who reproduces it looks; the user sees the sentence.
    console.warn("Följsam:", error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    const t = this.props.strings;
    if (error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.app.crashTitle}</MessageBarTitle>
          <Body1>{t.app.crashText}</Body1>{" "}
          <Value>{error.message}</Value>
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{t.app.crashReload}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
