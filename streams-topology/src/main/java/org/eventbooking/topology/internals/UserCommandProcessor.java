package org.eventbooking.topology.internals;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.eventbooking.domain.command.RegisterUser;
import org.eventbooking.domain.command.UserCommand;
import org.eventbooking.domain.user.UserAccount;
import org.eventbooking.domain.user.UserDecider;
import org.eventbooking.domain.user.UserDecision;
import org.eventbooking.serde.Json;
import org.eventbooking.state.StoreNames;
import org.eventbooking.topology.UserCommandReply;

/**
 * The single writer of the accounts of one email: decides sign-ups, appends {@code UserRegistered}
 * to the log, keeps the account for logins and replies, in the task's exactly-once transaction.
 */
public final class UserCommandProcessor implements Processor<String, byte[], String, Object> {

    public static final String USER_EVENTS_SINK = "user-events-sink";
    public static final String USER_REPLIES_SINK = "user-replies-sink";
    public static final String USER_DEAD_LETTERS_SINK = "user-dead-letters-sink";

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, UserAccount> users;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.users = context.getStateStore(StoreNames.USERS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        UserCommand command;
        try {
            command = Json.read(record.value(), UserCommand.class);
        } catch (RuntimeException e) {
            RecordForwarding.deadLetter(context, record, e, USER_DEAD_LETTERS_SINK);
            return;
        }
        // RegisterUser is the only user command so far; the sealed interface makes a new one a compile error here.
        UserCommandReply reply = register((RegisterUser) command, record);
        RecordForwarding.reply(context, record, command.commandId(), Json.write(reply), USER_REPLIES_SINK);
    }

    private UserCommandReply register(RegisterUser command, Record<String, byte[]> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        UserDecision decision = UserDecider.decide(Optional.ofNullable(users.get(command.email())), command, now);
        if (decision instanceof UserDecision.Rejected rejected) {
            return UserCommandReply.rejected(command.commandId(), rejected.rejection());
        }
        var registered = ((UserDecision.Accepted) decision).event();
        users.put(registered.email(), UserAccount.from(registered));
        context.forward(new Record<String, Object>(registered.email(), registered, now.toEpochMilli(),
                RecordForwarding.copy(record.headers())), USER_EVENTS_SINK);
        return UserCommandReply.accepted(command.commandId(), registered.userId());
    }
}
