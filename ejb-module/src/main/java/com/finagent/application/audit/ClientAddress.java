package com.finagent.application.audit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds a request's client address. The peer address is the client unless the peer is a trusted proxy (a load
 * balancer such as nginx); then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the
 * first address that is not one is the client. Without trusted proxies the header is ignored, since any client
 * can write it.
 */
public final class ClientAddress {

    private final List<Range> trusted;

    /** @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}) of trusted proxies */
    public ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address from the peer address and the {@code X-Forwarded-For} header (may be {@code null}). */
    public String resolve(String peerAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peerAddress)) {
            return peerAddress;
        }
        String[] hops = forwardedFor.split(",");
        String client = peerAddress;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            Optional<byte[]> address = literal(hop);
            if (address.isEmpty()) {
                // a malformed hop: the proxy nearest to it vouches for nothing beyond this point
                return client;
            }
            client = hop;
            if (!isTrusted(address.get())) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return address != null && literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(byte[] address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The bytes of an IP literal; never a DNS lookup, which a hostname would cause. */
    static Optional<byte[]> literal(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f.:]+") || !text.matches(".*[.:].*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(
                    () -> new IllegalArgumentException("Not an IP address or CIDR range: " + entry));
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + entry);
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range range && prefix == range.prefix && Arrays.equals(network, range.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
