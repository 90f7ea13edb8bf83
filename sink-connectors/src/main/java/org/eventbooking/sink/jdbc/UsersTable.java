package org.eventbooking.sink.jdbc;

import static org.eventbooking.sink.jdbc.TableWrite.Column.text;
import static org.eventbooking.sink.jdbc.TableWrite.Column.timestamp;

import java.util.List;
import java.util.function.Consumer;
import org.eventbooking.sink.projection.UserRow;

final class UsersTable extends TableWrite<UserRow> {

    UsersTable() {
        super(UserRow.class, "users", Sql.columns(List.of(text("user_id"), text("email"), text("name"), text("role"),
                        timestamp("registered_at"))),
                1, "ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name,"
                        + " role = EXCLUDED.role, registered_at = EXCLUDED.registered_at, "
                        + Sql.SOURCE_UPDATE + Sql.forwardOnly());
    }

    @Override
    void rows(UserRow u, Consumer<Object[]> out) {
        out.accept(Sql.withSource(u.source(), u.userId(), u.email(), u.name(), u.role(), Sql.micros(u.registeredAt())));
    }
}
