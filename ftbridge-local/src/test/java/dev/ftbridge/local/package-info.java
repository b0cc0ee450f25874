/**
 * The one-command local run ({@code ./mvnw spring-boot:test-run}): an embedded Kafka
 * broker, the Fivetran sandbox and the bridge wired together, a demo scenario modelled on
 * the classic Fivetran scripts, and a live console of what happens. Test scope, so the
 * production jar carries no broker.
 */
package dev.ftbridge.local;
