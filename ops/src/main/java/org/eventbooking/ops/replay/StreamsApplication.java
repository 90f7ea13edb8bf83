package org.eventbooking.ops.replay;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import picocli.CommandLine.Option;

/** The booking engine's Kafka Streams application: its id, and whether any node still runs it. */
public final class StreamsApplication {

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "${env:BOOKING_APPLICATION_ID:-booking-engine}",
            description = "Streams application id of the nodes (default: BOOKING_APPLICATION_ID or ${DEFAULT-VALUE}).")
    String applicationId;

    /** The application with this id, for callers that are not a command line. */
    public static StreamsApplication named(String applicationId) {
        StreamsApplication application = new StreamsApplication();
        application.applicationId = applicationId;
        return application;
    }

    public String id() {
        return applicationId;
    }

    /** Refuses while members of the application's group are active: a running node would fight the rebuild. */
    public void requireStopped(Admin admin) {
        List<String> active = activeMembers(admin);
        if (!active.isEmpty()) {
            throw new OperatorException(active.size() + " member(s) of Streams application '" + applicationId
                    + "' are active (" + String.join(", ", active) + "): stop every node (./booking node, ./booking dev)"
                    + " and run this again; a node leaves the group when it stops cleanly, a killed one after its session timeout (45 s)");
        }
    }

    /**
     * Which member runs the active task of each assigned input partition, by its client id (a node
     * names its Streams client after itself: {@code <node id>-StreamThread-<n>-consumer}).
     */
    public Map<TopicPartition, String> activeTaskOwners(Admin admin) {
        Map<TopicPartition, String> owners = new HashMap<>();
        for (MemberDescription member : members(admin)) {
            member.assignment().topicPartitions().forEach(partition -> owners.put(partition, member.clientId()));
        }
        return owners;
    }

    private List<String> activeMembers(Admin admin) {
        return members(admin).stream().map(m -> m.clientId() + m.host()).distinct().toList();
    }

    private Collection<MemberDescription> members(Admin admin) {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).describedGroups()
                    .get(applicationId).get(30, TimeUnit.SECONDS);
            return group.members();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw new OperatorException("cannot describe group " + applicationId + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new OperatorException("cannot describe group " + applicationId + ": no answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted", e);
        }
    }
}
