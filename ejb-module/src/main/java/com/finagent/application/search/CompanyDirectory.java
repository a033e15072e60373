package com.finagent.application.search;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The SEC's list of listed companies ({@code company_tickers.json}: {@code {"0": {"cik_str": 320193,
 * "ticker": "AAPL", "title": "Apple Inc."}, ...}}): ticker to CIK and name, and the name people write in text
 * ("Apple" for "Apple Inc.").
 */
public final class CompanyDirectory {

    public static final CompanyDirectory EMPTY = new CompanyDirectory(List.of());

    private static final Set<String> LEGAL_WORDS = Set.of("inc", "incorporated", "corp", "corporation", "co", "company",
            "ltd", "limited", "plc", "sa", "s", "a", "nv", "n", "v", "ag", "se", "lp", "llc", "l", "p", "de", "new",
            "the", "holdings", "holding", "group", "adr", "mn", "md", "oh", "ma", "can", "cn", "uk", "fi", "com", "&");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9&]+");

    private final Map<String, Company> bySymbol = new HashMap<>();
    private final Map<Long, Company> byCik = new HashMap<>();
    private final Map<String, Company> byName = new HashMap<>();

    private CompanyDirectory(List<Company> companies) {
        for (Company company : companies) {
            bySymbol.putIfAbsent(key(company.ticker()), company);
            byCik.putIfAbsent(company.cik(), company);
            byName.putIfAbsent(nameKey(company.title()), company);
        }
    }

    public static CompanyDirectory fromJson(JsonObject companyTickers) {
        List<Company> companies = new ArrayList<>();
        // The file's keys are "0", "1", ... in the SEC's order (largest first); keep it so a CIK maps to its main ticker.
        Map<Integer, JsonObject> ordered = new TreeMap<>();
        companyTickers.forEach((index, value) -> {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                ordered.put(parseIndex(index), value.asJsonObject());
            }
        });
        for (JsonObject entry : ordered.values()) {
            if (entry.containsKey("cik_str") && entry.containsKey("ticker")) {
                companies.add(new Company(entry.getJsonNumber("cik_str").longValue(), entry.getString("ticker"),
                        entry.getString("title", "")));
            }
        }
        return new CompanyDirectory(companies);
    }

    public int size() {
        return bySymbol.size();
    }

    public Optional<Company> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(key(symbol)));
    }

    public Optional<Company> byCik(long cik) {
        return Optional.ofNullable(byCik.get(cik));
    }

    /** The company whose registered name is {@code name}, ignoring case and punctuation ("Apple Inc." = "APPLE INC"). */
    public Optional<Company> byName(String name) {
        return Optional.ofNullable(byName.get(nameKey(name)));
    }

    /** The names of the symbols' companies as written in prose, for matching text that does not carry the ticker. */
    public List<String> namesOf(List<String> symbols) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String symbol : symbols) {
            bySymbol(symbol).map(Company::commonName).filter(n -> n.length() >= 3).ifPresent(n -> names.put(n, n));
        }
        return List.copyOf(names.keySet());
    }

    private static String key(String symbol) {
        return symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT).replace('.', '-');
    }

    private static String nameKey(String name) {
        return name == null ? "" : NON_WORD.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static int parseIndex(String index) {
        try {
            return Integer.parseInt(index);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A listed company: its CIK, main ticker and registered name. */
    public record Company(long cik, String ticker, String title) {

        /** The CIK as EDGAR's URLs and APIs write it: ten digits. */
        public String paddedCik() {
            return String.format(Locale.ROOT, "%010d", cik);
        }

        /** The registered name without legal words: "Apple Inc." is "apple", "META PLATFORMS, INC." is "meta platforms". */
        public String commonName() {
            List<String> words = new ArrayList<>(Arrays.asList(nameKey(title).split(" ")));
            while (!words.isEmpty() && LEGAL_WORDS.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
            return String.join(" ", words).strip();
        }
    }
}
