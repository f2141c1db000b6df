import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A screen that fails to render says so, instead of leaving the page blank; the rest of the app stays. */
export class ScreenErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page">
        <div className="problem" role="alert">
          <strong>This screen failed to show</strong>
          <p>{this.state.error.message}</p>
        </div>
      </main>
    );
  }
}
