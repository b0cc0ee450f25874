/**
 * Outbound: the only code that knows Fivetran's REST API — paths, Basic auth, the
 * {@code Accept} version, the {@code {code, message, data}} envelope, pagination and the
 * mapping of failures to typed exceptions. Depends on no other module of the bridge.
 */
package dev.ftbridge.fivetran;
