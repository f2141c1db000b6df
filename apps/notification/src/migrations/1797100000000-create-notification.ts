import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification's own data (ADR 0150): people's contact methods and rules, the pages received, one row per
 * message to send (the delivery queue, unique by idempotency key), every attempt (the delivery log), the
 * per-contact-method storm throttle, a small copy of each incident's status, and used one-click links.
 */
export class CreateNotification1797100000000 implements MigrationInterface {
  name = 'CreateNotification1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE contact_methods (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        user_id text NOT NULL,
        type text NOT NULL CHECK (type IN ('email', 'slack', 'sms', 'phone', 'push')),
        address text NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        account_email boolean NOT NULL DEFAULT false,
        verification_hash text,
        verification_expires_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (org_id, user_id, type, address)
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX contact_methods_account ON contact_methods (org_id, user_id) WHERE account_email',
    );
    await runner.query(
      'CREATE UNIQUE INDEX contact_methods_verification ON contact_methods (verification_hash) WHERE verification_hash IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE notification_rules (
        org_id text NOT NULL,
        user_id text NOT NULL,
        high jsonb NOT NULL,
        low jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, user_id)
      )`);
    await runner.query(`
      CREATE TABLE incident_progress (
        incident_id text PRIMARY KEY,
        org_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('triggered', 'acknowledged', 'resolved')),
        last_acknowledged_at timestamptz,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE pages (
        page_id text PRIMARY KEY,
        org_id text NOT NULL,
        incident_id text NOT NULL,
        user_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('page', 'unanswered')),
        generation integer NOT NULL,
        level integer,
        cycle integer,
        urgency text NOT NULL,
        reason text NOT NULL,
        requested_at timestamptz NOT NULL,
        incident jsonb NOT NULL,
        correlation_id text,
        outcome text,
        skipped jsonb,
        received_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX pages_by_incident ON pages (org_id, incident_id)');
    await createDeliveries(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'action_link_uses',
      'recipient_throttles',
      'delivery_attempts',
      'deliveries',
      'pages',
      'incident_progress',
      'notification_rules',
      'contact_methods',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}

async function createDeliveries(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE deliveries (
      id uuid PRIMARY KEY,
      idempotency_key text NOT NULL UNIQUE,
      org_id text NOT NULL,
      user_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('page', 'unanswered', 'digest', 'coverage-gap', 'verification')),
      page_id text REFERENCES pages (page_id),
      incident_id text,
      channel text NOT NULL,
      contact_method_id uuid,
      address text NOT NULL,
      throttle_key text,
      requested_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN
        ('scheduled', 'held', 'ready', 'sending', 'retrying', 'sent', 'failed', 'suppressed', 'digested')),
      status_reason text,
      attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz,
      digest_id uuid REFERENCES deliveries (id),
      content jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    )`);
  await runner.query(
    `CREATE INDEX deliveries_to_send ON deliveries (due_at) WHERE status IN ('ready', 'sending')`,
  );
  await runner.query(`CREATE INDEX deliveries_held ON deliveries (throttle_key) WHERE status = 'held'`);
  await runner.query('CREATE INDEX deliveries_by_incident ON deliveries (org_id, incident_id)');
  await runner.query(
    'CREATE INDEX deliveries_by_digest ON deliveries (digest_id) WHERE digest_id IS NOT NULL',
  );
  await runner.query(`
    CREATE TABLE delivery_attempts (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES deliveries (id),
      org_id text NOT NULL,
      attempt integer NOT NULL,
      channel text NOT NULL,
      masked_address text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
      final boolean NOT NULL,
      failure_reason text,
      provider_response text,
      latency_ms integer,
      at timestamptz NOT NULL,
      UNIQUE (delivery_id, attempt)
    )`);
  await runner.query(`
    CREATE TABLE recipient_throttles (
      throttle_key text PRIMARY KEY,
      org_id text NOT NULL,
      recent_sends timestamptz[] NOT NULL DEFAULT '{}',
      pending_digest_at timestamptz
    )`);
  await runner.query(`
    CREATE TABLE action_link_uses (
      jti text PRIMARY KEY,
      org_id text NOT NULL,
      user_id text NOT NULL,
      incident_id text NOT NULL,
      action text NOT NULL,
      used_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`);
}
