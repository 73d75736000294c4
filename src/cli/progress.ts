/**
 * A progress line on standard error, shown only when it is a terminal and the run has taken
 * more than a second: quick runs and pipes stay silent.
 */
export class Progress {
  private step = "";
  private shown = false;
  private readonly timer: NodeJS.Timeout | null;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.timer = stream.isTTY ? setInterval(() => this.render(), 250) : null;
    this.timer?.unref();
  }

  set(step: string): void {
    this.step = step;
    this.render();
  }

  private render(): void {
    if (!this.timer || Date.now() - this.started < 1000) return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(0);
    this.stream.write(`\r\x1b[2K${this.step} (${seconds} s)`);
    this.shown = true;
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) this.stream.write("\r\x1b[2K");
  }
}
