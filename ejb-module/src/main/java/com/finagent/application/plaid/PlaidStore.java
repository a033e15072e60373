package com.finagent.application.plaid;

import com.finagent.application.ledger.Holding;
import com.finagent.application.ledger.Ledger;
import com.finagent.application.database.ApplicationDataSource;
import com.finagent.application.database.UserConnections;
import com.finagent.persistence.portfolio.Activity;
import com.finagent.persistence.portfolio.ActivityType;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Writes what a sync fetched, all of it in one transaction together with the item's new cursor: a sync that
 * fails before the commit leaves every row as it was and is repeated from the old cursor, so nothing is lost
 * or doubled. Plain JDBC, because a sync is bulk work (tens of thousands of rows, batched into multi-row
 * upserts) and needs {@code ON CONFLICT} upserts that JPA does not express.
 */
@Stateless
public class PlaidStore {

    private static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(PlaidStore.class.getName());

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** What applying a batch did. {@code superseded}: another sync of the item committed first; nothing written. */
    public record Applied(boolean superseded) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Applied apply(UUID userId, UUID itemId, String plaidItemId, SyncBatch batch) {
        try (Connection connection = dataSource.getConnection()) {
            UserConnections.actAs(connection, userId);
            if (!lockIfCursorIs(connection, itemId, batch.startCursor())) {
                return new Applied(true);
            }
            upsertAccounts(connection, plaidItemId, batch);
            upsertTransactions(connection, batch);
            deleteTransactions(connection, batch);
            if (batch.holdings() != null) {
                replaceHoldings(connection, plaidItemId, batch);
                describeSecurities(connection, batch);
                refreshLinkedPositions(connection, plaidItemId);
                recordInvestmentActivities(connection, plaidItemId, batch.investmentActivities());
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE plaid_items SET transactions_cursor = ?,"
                    + " status = 'active', error_code = NULL, error_message = NULL, last_synced_at = NOW(),"
                    + " updated_at = NOW() WHERE id = ?")) {
                update.setString(1, batch.nextCursor());
                update.setObject(2, itemId);
                update.executeUpdate();
            }
            return new Applied(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the sync of item " + plaidItemId, e);
        }
    }

    /** Marks an item that Plaid refused until the user acts; its data is left untouched. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markFailed(UUID userId, UUID itemId, String errorCode, String errorMessage) {
        try (Connection connection = dataSource.getConnection()) {
            UserConnections.actAs(connection, userId);
            try (PreparedStatement update = connection.prepareStatement("UPDATE plaid_items SET status = 'error',"
                    + " error_code = ?, error_message = ?, updated_at = NOW() WHERE id = ?")) {
                update.setString(1, errorCode);
                update.setString(2, errorMessage);
                update.setObject(3, itemId);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark item " + itemId + " as failed", e);
        }
    }

    /**
     * The positions that an item's holdings give the portfolio accounts linked to them (parameter: Plaid item id).
     * Cash holdings stay out: they are the account's balance, not a position with a price.
     */
    private static final String LINKED_HOLDINGS = "SELECT a.id AS account_id, h.symbol, h.quantity, h.average_cost,"
            + " h.security_id"
            + " FROM (SELECT plaid_account_id, symbol, quantity, security_id,"
            + "       COALESCE(cost_basis / NULLIF(quantity, 0), institution_price) AS average_cost"
            + "       FROM plaid_holdings WHERE security_type IS DISTINCT FROM 'cash') h"
            + " JOIN accounts a ON a.plaid_account_id = h.plaid_account_id"
            + " WHERE a.plaid_item_id = ? AND h.symbol ~ '^[A-Z0-9.\\-]{1,10}$' AND h.quantity <> 0"
            + " AND h.average_cost > 0";

    /** Drops the mirrored positions whose holding is gone. */
    private static final String LINKED_POSITIONS_DELETE = "DELETE FROM positions p WHERE p.plaid_security_id IS NOT NULL"
            + " AND p.account_id IN (SELECT id FROM accounts WHERE plaid_item_id = ?)"
            + " AND NOT EXISTS (SELECT 1 FROM (" + LINKED_HOLDINGS + ") l"
            + "                 WHERE l.account_id = p.account_id AND l.security_id = p.plaid_security_id)";

    /**
     * Inserts new holdings and updates the others in place, keyed by account and security (V6's unique index), so a
     * position keeps its id for as long as the holding exists.
     */
    private static final String LINKED_POSITIONS_UPSERT = "INSERT INTO positions (id, account_id, symbol, quantity,"
            + " average_cost, plaid_security_id)"
            + " SELECT gen_random_uuid(), l.account_id, l.symbol, l.quantity, l.average_cost, l.security_id"
            + " FROM (" + LINKED_HOLDINGS + ") l"
            + " ON CONFLICT (account_id, plaid_security_id) WHERE plaid_security_id IS NOT NULL"
            + " DO UPDATE SET symbol = EXCLUDED.symbol, quantity = EXCLUDED.quantity,"
            + " average_cost = EXCLUDED.average_cost, updated_at = NOW()";

    /**
     * The statements, in order, that make the positions of the portfolio accounts linked to an item mirror its
     * holdings; every parameter of each is the Plaid item id ({@link #parameterCount}). Manual positions of those
     * accounts are kept. Run after a sync and when an account is first linked.
     */
    public static final List<String> LINKED_POSITIONS_REFRESH = List.of(LINKED_POSITIONS_DELETE, LINKED_POSITIONS_UPSERT);

    public static int parameterCount(String statement) {
        return (int) statement.chars().filter(c -> c == '?').count();
    }

    static void refreshLinkedPositions(Connection connection, String plaidItemId) throws SQLException {
        for (String statement : LINKED_POSITIONS_REFRESH) {
            try (PreparedStatement update = connection.prepareStatement(statement)) {
                for (int parameter = 1; parameter <= parameterCount(statement); parameter++) {
                    update.setString(parameter, plaidItemId);
                }
                update.executeUpdate();
            }
        }
    }

    /**
     * Adds the investment transactions of each Plaid account that a portfolio account is linked to as that
     * account's activities, those already recorded (by Plaid's id, {@code activities_external_id}) skipped, and
     * restates the account's positions from all its activities, as a CSV import does. When the activities would
     * not add up (a sell of shares bought before the 24 months Plaid keeps), none of that account's are added and
     * its positions stay those of its holdings, so a replay of its activities never fails.
     */
    private static void recordInvestmentActivities(Connection connection, String plaidItemId,
                                                   List<InvestmentActivities.Row> rows) throws SQLException {
        Map<String, List<InvestmentActivities.Row>> byPlaidAccount = rows.stream()
                .collect(Collectors.groupingBy(InvestmentActivities.Row::plaidAccountId, LinkedHashMap::new,
                        Collectors.toList()));
        for (Map.Entry<UUID, String> linked : linkedAccounts(connection, plaidItemId).entrySet()) {
            UUID accountId = linked.getKey();
            List<Activity> recorded = activities(connection, accountId);
            Set<String> known = new HashSet<>();
            recorded.forEach(activity -> known.add(activity.getExternalId()));
            List<Activity> fresh = byPlaidAccount.getOrDefault(linked.getValue(), List.of()).stream()
                    .filter(row -> !known.contains(row.investmentTransactionId()))
                    .map(row -> row.toActivity(accountId)).toList();
            if (recorded.isEmpty() && fresh.isEmpty()) {
                continue;
            }
            List<Activity> all = new ArrayList<>(recorded);
            all.addAll(fresh);
            Ledger ledger;
            try {
                ledger = Ledger.replay(all);
            } catch (IllegalArgumentException doesNotAddUp) {
                LOG.warning(() -> "The investment transactions of account " + accountId + " do not add up ("
                        + doesNotAddUp.getMessage() + "); its positions stay those of its holdings");
                continue;
            }
            insertActivities(connection, fresh);
            restatePositions(connection, accountId, ledger);
        }
    }

    /** Portfolio account id to Plaid account id, for the portfolio accounts linked to the item. */
    private static Map<UUID, String> linkedAccounts(Connection connection, String plaidItemId) throws SQLException {
        Map<UUID, String> linked = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, plaid_account_id FROM accounts"
                + " WHERE plaid_item_id = ? AND plaid_account_id IS NOT NULL ORDER BY id")) {
            select.setString(1, plaidItemId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    linked.put(row.getObject(1, UUID.class), row.getString(2));
                }
            }
        }
        return linked;
    }

    private static List<Activity> activities(Connection connection, UUID accountId) throws SQLException {
        List<Activity> activities = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT trade_date, type, symbol, quantity,"
                + " price, amount, fee, currency, source, external_id FROM activities WHERE account_id = ?"
                + " ORDER BY trade_date, created_at")) {
            select.setObject(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ActivityType type = ActivityType.valueOf(row.getString(2));
                    Activity.Source source = Activity.Source.valueOf(row.getString(9));
                    var date = row.getDate(1).toLocalDate();
                    Activity activity = switch (type) {
                        case BUY, SELL -> Activity.trade(accountId, date, type, row.getString(3), row.getBigDecimal(4),
                                row.getBigDecimal(5), row.getBigDecimal(7), row.getString(8), source);
                        case SPLIT -> Activity.split(accountId, date, row.getString(3), row.getBigDecimal(4),
                                row.getString(8), source);
                        default -> Activity.cash(accountId, date, type, row.getString(3), row.getBigDecimal(6),
                                row.getString(8), source);
                    };
                    activities.add(activity.withExternalId(row.getString(10)));
                }
            }
        }
        return activities;
    }

    private static void insertActivities(Connection connection, List<Activity> activities) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO activities (id, account_id,"
                + " trade_date, type, symbol, quantity, price, amount, fee, currency, source, external_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (account_id, external_id) WHERE external_id IS NOT NULL DO NOTHING")) {
            for (Activity activity : activities) {
                insert.setObject(1, activity.getId());
                insert.setObject(2, activity.getAccountId());
                insert.setDate(3, Date.valueOf(activity.getTradeDate()));
                insert.setString(4, activity.getType().name());
                insert.setString(5, activity.getSymbol());
                insert.setBigDecimal(6, activity.getQuantity());
                insert.setBigDecimal(7, activity.getPrice());
                insert.setBigDecimal(8, activity.getAmount());
                insert.setBigDecimal(9, activity.getFee());
                insert.setString(10, activity.getCurrency());
                insert.setString(11, activity.getSource().name());
                insert.setString(12, activity.getExternalId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The positions of the symbols the activities trade follow the ledger (shares held, FIFO average cost); a
     * symbol sold out loses its position. A mirrored position keeps its row, and so its id.
     */
    private static void restatePositions(Connection connection, UUID accountId, Ledger ledger) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE positions SET quantity = ?,"
                + " average_cost = ?, updated_at = NOW() WHERE account_id = ? AND symbol = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO positions (id, account_id, symbol,"
                     + " quantity, average_cost) VALUES (gen_random_uuid(), ?, ?, ?, ?)");
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM positions WHERE account_id = ? AND symbol = ?")) {
            for (Holding holding : ledger.holdings()) {
                if (holding.quantity().signum() > 0 && holding.averageCost().signum() > 0) {
                    update.setBigDecimal(1, holding.quantity());
                    update.setBigDecimal(2, holding.averageCost());
                    update.setObject(3, accountId);
                    update.setString(4, holding.symbol());
                    if (update.executeUpdate() == 0) {
                        insert.setObject(1, accountId);
                        insert.setString(2, holding.symbol());
                        insert.setBigDecimal(3, holding.quantity());
                        insert.setBigDecimal(4, holding.averageCost());
                        insert.executeUpdate();
                    }
                } else {
                    delete.setObject(1, accountId);
                    delete.setString(2, holding.symbol());
                    delete.executeUpdate();
                }
            }
        }
    }

    private static boolean lockIfCursorIs(Connection connection, UUID itemId, String expected) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT transactions_cursor FROM plaid_items WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, itemId);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && Objects.equals(row.getString(1), expected);
            }
        }
    }

    private static void upsertAccounts(Connection connection, String plaidItemId, SyncBatch batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO plaid_accounts (id, plaid_item_id,"
                + " plaid_account_id, account_name, account_type, account_subtype, balance_available, balance_current,"
                + " balance_limit, iso_currency_code, last_synced_at) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, NOW()) ON CONFLICT (plaid_account_id) DO UPDATE SET account_name = EXCLUDED.account_name,"
                + " account_type = EXCLUDED.account_type, account_subtype = EXCLUDED.account_subtype,"
                + " balance_available = EXCLUDED.balance_available, balance_current = EXCLUDED.balance_current,"
                + " balance_limit = EXCLUDED.balance_limit, iso_currency_code = EXCLUDED.iso_currency_code,"
                + " last_synced_at = NOW()")) {
            for (SyncBatch.AccountRow account : batch.accounts()) {
                upsert.setString(1, plaidItemId);
                upsert.setString(2, account.plaidAccountId());
                upsert.setString(3, account.name());
                upsert.setString(4, account.type());
                upsert.setString(5, account.subtype());
                upsert.setBigDecimal(6, account.available());
                upsert.setBigDecimal(7, account.current());
                upsert.setBigDecimal(8, account.limit());
                upsert.setString(9, account.currency());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertTransactions(Connection connection, SyncBatch batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO plaid_transactions (id,"
                + " plaid_account_id, plaid_transaction_id, amount, date, name, merchant_name, category, pending)"
                + " VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)"
                + " ON CONFLICT (plaid_transaction_id) DO UPDATE SET plaid_account_id = EXCLUDED.plaid_account_id,"
                + " amount = EXCLUDED.amount, date = EXCLUDED.date, name = EXCLUDED.name,"
                + " merchant_name = EXCLUDED.merchant_name, category = EXCLUDED.category, pending = EXCLUDED.pending")) {
            int queued = 0;
            for (SyncBatch.TransactionRow row : batch.upserts()) {
                upsert.setString(1, row.plaidAccountId());
                upsert.setString(2, row.plaidTransactionId());
                upsert.setBigDecimal(3, row.amount());
                upsert.setDate(4, Date.valueOf(row.date()));
                upsert.setString(5, row.name());
                upsert.setString(6, row.merchantName());
                if (row.categoryJson() == null) {
                    upsert.setNull(7, Types.VARCHAR);
                } else {
                    upsert.setString(7, row.categoryJson());
                }
                upsert.setBoolean(8, row.pending());
                upsert.addBatch();
                if (++queued % BATCH == 0) {
                    upsert.executeBatch();
                }
            }
            upsert.executeBatch();
        }
    }

    private static void deleteTransactions(Connection connection, SyncBatch batch) throws SQLException {
        if (batch.removedTransactionIds().isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM plaid_transactions WHERE plaid_transaction_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("text", batch.removedTransactionIds().toArray()));
            delete.executeUpdate();
        }
    }

    /** Plaid's names, sectors and industries of the securities held fill the shared {@code tickers} reference. */
    private static void describeSecurities(Connection connection, SyncBatch batch) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO tickers (symbol, company_name, sector,"
                + " industry) VALUES (?, ?, ?, ?) ON CONFLICT (symbol) DO UPDATE SET"
                + " company_name = COALESCE(EXCLUDED.company_name, tickers.company_name),"
                + " sector = COALESCE(EXCLUDED.sector, tickers.sector),"
                + " industry = COALESCE(EXCLUDED.industry, tickers.industry), updated_at = NOW()")) {
            // One row per symbol: a multi-row upsert may not touch the same row twice.
            Map<String, SyncBatch.HoldingRow> bySymbol = new LinkedHashMap<>();
            batch.holdings().stream().filter(h -> h.symbol() != null && h.symbol().matches("[A-Z0-9.\\-]{1,10}"))
                    .forEach(h -> bySymbol.putIfAbsent(h.symbol(), h));
            for (SyncBatch.HoldingRow holding : bySymbol.values()) {
                upsert.setString(1, holding.symbol());
                upsert.setString(2, holding.securityName());
                upsert.setString(3, holding.sector());
                upsert.setString(4, holding.industry());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void replaceHoldings(Connection connection, String plaidItemId, SyncBatch batch)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM plaid_holdings WHERE plaid_account_id"
                + " IN (SELECT plaid_account_id FROM plaid_accounts WHERE plaid_item_id = ?)")) {
            delete.setString(1, plaidItemId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plaid_holdings (id, plaid_account_id,"
                + " plaid_holding_id, security_id, symbol, quantity, cost_basis, value, iso_currency_code,"
                + " security_name, security_type, institution_price, last_synced_at)"
                + " VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW())")) {
            for (SyncBatch.HoldingRow holding : batch.holdings()) {
                insert.setString(1, holding.plaidAccountId());
                insert.setString(2, holding.plaidAccountId() + ":" + holding.securityId());
                insert.setString(3, holding.securityId());
                insert.setString(4, holding.symbol());
                insert.setBigDecimal(5, holding.quantity());
                insert.setBigDecimal(6, holding.costBasis());
                insert.setBigDecimal(7, holding.value());
                insert.setString(8, holding.currency());
                insert.setString(9, holding.securityName());
                insert.setString(10, holding.securityType());
                insert.setBigDecimal(11, holding.price());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
