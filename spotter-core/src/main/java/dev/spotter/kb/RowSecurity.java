package dev.spotter.kb;

import dev.spotter.DataSourceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a PostgreSQL table returned no rows: row-level security (RLS) or a really empty table.
 *
 * <p>A Supabase table created in the dashboard has RLS on; a role with {@code SELECT} but no matching policy then
 * sees zero rows and no error. From the catalog ({@code pg_class.relrowsecurity}, {@code relforcerowsecurity}, the
 * owner, {@code pg_roles.rolbypassrls}/{@code rolsuper}, {@code pg_policies}) this decides whether RLS applies to the
 * current role; if it does, the empty read is an error that names the policies granting {@code SELECT} to the
 * role (none, or those whose conditions matched no row) and what to do. Runs inside the reader's transaction.
 * Fails closed: if the catalog cannot be read, the empty result is reported as unexplained rather than as success.
 */
final class RowSecurity {
    private RowSecurity() {}

    static void explainEmpty(Connection c, KbDatabase db, String table) {
        String qualified = KbTable.qualified(table);
        String role;
        boolean rls;
        boolean force;
        boolean exempt;
        List<String> policies = new ArrayList<>();
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.relrowsecurity, c.relforcerowsecurity,"
                    + " pg_get_userbyid(c.relowner) = current_user, r.rolbypassrls OR r.rolsuper, current_user"
                    + " FROM pg_class c, pg_roles r WHERE c.oid = to_regclass(?) AND r.rolname = current_user")) {
                ps.setString(1, qualified);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return; // not a plain table we can look up (a view); nothing more to say
                    }
                    rls = rs.getBoolean(1);
                    force = rs.getBoolean(2);
                    boolean owner = rs.getBoolean(3);
                    exempt = rs.getBoolean(4) || (owner && !force);
                    role = rs.getString(5);
                }
            }
            if (!rls || exempt) {
                return; // the table is really empty (for everyone who can read it)
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT p.policyname FROM pg_policies p"
                    + " WHERE p.schemaname = ? AND p.tablename = ? AND p.cmd IN ('SELECT', 'ALL')"
                    + " AND p.permissive = 'PERMISSIVE' AND EXISTS (SELECT 1 FROM unnest(p.roles) AS x(r)"
                    + " WHERE x.r = 'public' OR pg_has_role(current_user, x.r, 'MEMBER')) ORDER BY 1")) {
                String[] parts = qualified.split("\\.", 2);
                ps.setString(1, parts[0]);
                ps.setString(2, parts[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        policies.add("\"" + rs.getString(1) + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            KbTable.rollbackQuietly(c);
            throw new DataSourceException(db.redact("table " + table + " returned 0 rows and the catalog could not"
                    + " say why (row-level security?): " + KbDatabase.rootMessage(e)));
        }
        String fix = "As the table's owner, add a policy: CREATE POLICY \"spotter can read\" ON " + qualified
                + " FOR SELECT TO " + role + " USING (true); or connect as a role that bypasses row-level"
                + " security (the table owner; service_role on Supabase)";
        if (policies.isEmpty()) {
            throw new DataSourceException("table " + qualified + " returned 0 rows: row-level security is enabled on"
                    + " it and no policy lets role " + role + " read it. " + fix);
        }
        throw new DataSourceException("table " + qualified + " returned 0 rows to role " + role + ": row-level"
                + " security is enabled and its SELECT polic" + (policies.size() == 1 ? "y " : "ies ")
                + String.join(", ", policies) + " let " + role + " see none of them (or the table is empty). Check"
                + " the policies' USING conditions. " + fix);
    }
}
