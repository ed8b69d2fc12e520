/**
 * Test kit for code built on {@code comm}: {@link dev.ranks.comm.testkit.CommSizes} runs a
 * parameterized test at many communicator sizes, {@link dev.ranks.comm.testkit.Jobs} runs a job
 * under a timeout and turns a failed rank into a failed test, and
 * {@link dev.ranks.comm.testkit.Patterns} makes deterministic data to send, and
 * {@link dev.ranks.comm.testkit.Jdks} finds a newer JDK to start processes on. Other modules use it
 * through comm's test-jar.
 */
package dev.ranks.comm.testkit;
