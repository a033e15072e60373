import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Prints the first column of the first row of a query, run as the database's superuser (row-level security off). */
public class Sql {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery(args[1])) {
            System.out.println(rows.next() ? rows.getString(1) : "");
        }
    }
}
