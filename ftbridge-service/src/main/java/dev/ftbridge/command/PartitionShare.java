package dev.ftbridge.command;

/**
 * Told how many of the command topic's partitions this instance owns, after each
 * rebalance.
 */
@FunctionalInterface
interface PartitionShare {

	void changed(int assignedPartitions, int totalPartitions);

}
