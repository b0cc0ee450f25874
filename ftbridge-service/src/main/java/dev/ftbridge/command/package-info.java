/**
 * Inbound: the command topic. {@link dev.ftbridge.command.CommandConsumer} polls it and
 * hands each record to a per-key lane; {@link dev.ftbridge.contract.CommandReader} turns
 * bytes into a validated {@link dev.ftbridge.contract.Command}; its type's handler in
 * {@link dev.ftbridge.command.handlers} calls Fivetran; and
 * {@link dev.ftbridge.command.CommandProcessor} publishes the results or dead-letters the
 * record. Offsets commit only up to the oldest unfinished record.
 */
package dev.ftbridge.command;
