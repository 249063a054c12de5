import { Component, type ErrorInfo, type ReactNode } from "react";

interface PanelBoundaryProps {
  name: string;
  children: ReactNode;
  /**
   * Clears what made the panel fail before it renders again (e.g. the decoded token it was showing), so
   * "Try again" does not fail at once the same way. It must leave the page's credential alone.
   */
  onReset?: () => void;
}

interface PanelBoundaryState {
  error?: Error;
}

/** Keeps the rest of the page (and its state) when one panel fails to render, and says what happened. */
export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  state: PanelBoundaryState = {};

  static getDerivedStateFromError(error: Error): PanelBoundaryState {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <section className="panel" role="alert" data-testid="panel-error">
          <h2 className="text-lg font-semibold">The {this.props.name} panel stopped working</h2>
          <p className="text-sm">
            {this.state.error.message}. Everything else on the page, your key included, is unchanged.
          </p>
          <button type="button" className="btn-secondary self-start" onClick={() => {
              this.props.onReset?.();
              this.setState({ error: undefined });
            }}>
            Try the {this.props.name} panel again
          </button>
        </section>
      );
    }
    return this.props.children;
  }
}
