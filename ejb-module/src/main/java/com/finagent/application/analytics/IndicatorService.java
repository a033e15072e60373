package com.finagent.application.analytics;

import com.finagent.application.error.FinAgentException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Computes the requested technical indicators; each series has one value per bar, null while warming up. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IndicatorService {

    public Map<String, List<Double>> compute(IndicatorQuery query) {
        try {
            return run(query);
        } catch (IllegalArgumentException invalid) {
            throw FinAgentException.fromInvalidInput(invalid, "body");
        }
    }

    private static Map<String, List<Double>> run(IndicatorQuery query) {
        for (String name : query.indicators()) {
            if (!IndicatorQuery.KNOWN.contains(name)) {
                throw new IllegalArgumentException("indicators: unknown indicator '" + name + "'; known: "
                        + new TreeSet<>(IndicatorQuery.KNOWN));
            }
        }
        double[] closes = values("closes", query.closes());
        boolean needsRange = query.indicators().contains("kdj") || query.indicators().contains("atr");
        double[] highs = needsRange ? values("highs", query.highs()) : null;
        double[] lows = needsRange ? values("lows", query.lows()) : null;
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String name : new TreeSet<>(query.indicators())) {
            switch (name) {
                case "sma" -> out.put("sma", list(TechnicalIndicators.sma(closes, period(query, 20))));
                case "ema" -> out.put("ema", list(TechnicalIndicators.ema(closes, period(query, 20))));
                case "rsi" -> out.put("rsi", list(TechnicalIndicators.rsi(closes, period(query, 14))));
                case "macd" -> {
                    TechnicalIndicators.Macd macd = TechnicalIndicators.macd(closes, 12, 26, 9);
                    out.put("macd", list(macd.macd()));
                    out.put("macdSignal", list(macd.signal()));
                    out.put("macdHistogram", list(macd.histogram()));
                }
                case "bollinger" -> {
                    TechnicalIndicators.Bands bands = TechnicalIndicators.bollinger(closes, period(query, 20), 2);
                    out.put("bollingerUpper", list(bands.upper()));
                    out.put("bollingerMiddle", list(bands.middle()));
                    out.put("bollingerLower", list(bands.lower()));
                }
                case "kdj" -> {
                    TechnicalIndicators.Kdj kdj = TechnicalIndicators.kdj(highs, lows, closes, period(query, 9), 3, 3);
                    out.put("k", list(kdj.k()));
                    out.put("d", list(kdj.d()));
                    out.put("j", list(kdj.j()));
                }
                case "atr" -> out.put("atr", list(TechnicalIndicators.atr(highs, lows, closes, period(query, 14))));
                default -> throw new IllegalStateException(name);
            }
        }
        return out;
    }

    private static int period(IndicatorQuery query, int conventional) {
        return query.period() == null ? conventional : query.period();
    }

    private static double[] values(String field, List<Double> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(field + ": required for the requested indicators");
        }
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = list.get(i);
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be a finite number");
            }
            values[i] = value;
        }
        return values;
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(v -> out.add(Double.isNaN(v) ? null : v));
        return out;
    }
}
