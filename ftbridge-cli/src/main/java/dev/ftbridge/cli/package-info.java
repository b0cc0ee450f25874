/**
 * The command-line publisher shipped with the bridge ({@code bin/ftbridge}): {@code send}
 * one command, {@code bulk} commands from a CSV file through a JSON template, and
 * {@code watch} the result and status topics, {@code report} how a batch of commands
 * ended, triage the dead-letter topic ({@code dlt list}, {@code show}, {@code replay}),
 * and show every connection's latest state ({@code status}). It checks every command
 * against the same schemas the bridge uses before anything is sent, and starts neither
 * Spring nor the bridge.
 */
package dev.ftbridge.cli;
