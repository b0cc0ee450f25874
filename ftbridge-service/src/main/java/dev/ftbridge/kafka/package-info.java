/**
 * Internal Kafka plumbing every module shares, and no contract: send and wait for the
 * acknowledgement ({@link dev.ftbridge.kafka.Sends}), read a partition back to its end
 * with a deadline ({@link dev.ftbridge.kafka.PartitionReader}), the settings every
 * consumer starts from ({@link dev.ftbridge.kafka.ConsumerSettings}), the record size
 * limit and the cluster's health ({@link dev.ftbridge.kafka.KafkaConfiguration}) and the
 * topic names ({@link dev.ftbridge.kafka.TopicProperties}). Each topic is declared by the
 * module that owns it. Depends on no other module.
 */
package dev.ftbridge.kafka;
