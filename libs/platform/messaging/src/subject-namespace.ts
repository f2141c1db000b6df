/**
 * Prefixes every subject, stream and consumer name so that several deployments (or test files)
 * can share one NATS server without seeing each other's messages. No prefix in production.
 */
export class SubjectNamespace {
  constructor(readonly prefix: string | undefined = undefined) {}

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** The subject as the contracts name it, whatever the prefix. */
  unqualify(subject: string): string {
    return this.prefix && subject.startsWith(`${this.prefix}.`)
      ? subject.slice(this.prefix.length + 1)
      : subject;
  }

  stream(name: string): string {
    return this.prefix ? `${this.prefix}_${name}` : name;
  }

  consumer(name: string): string {
    return this.prefix ? `${this.prefix}_${name}` : name;
  }
}
