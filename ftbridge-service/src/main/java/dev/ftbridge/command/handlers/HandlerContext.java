package dev.ftbridge.command.handlers;

import java.time.Clock;

/**
 * What every handler is built with.
 *
 * @param fivetran the port to Fivetran
 * @param clock the clock results are timed with
 * @param pageSize the {@code limit} sent on list requests
 */
public record HandlerContext(FivetranPort fivetran, Clock clock, int pageSize) {

}
