package com.finagent.application.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertEquals("198.51.100.7", addresses.resolve("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void aTrustedProxysHeaderNamesTheClient() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "::1"));
        assertEquals("203.0.113.1", addresses.resolve("10.1.2.3", "203.0.113.1"));
        assertEquals("203.0.113.1", addresses.resolve("::1", "203.0.113.1"));
        assertEquals("203.0.113.1", addresses.resolve("0:0:0:0:0:0:0:1", " 203.0.113.1 "));
    }

    @Test
    void spoofedEntriesLeftOfTheClientAreIgnored() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8"));
        // the client wrote "1.2.3.4" itself; our proxies appended the real client and each other
        assertEquals("203.0.113.1", addresses.resolve("10.0.0.2", "1.2.3.4, 203.0.113.1, 10.0.0.1"));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("192.0.2.50", addresses.resolve("192.0.2.50", "203.0.113.1"));
        assertEquals("11.0.0.1", addresses.resolve("11.0.0.1", "203.0.113.1"));
    }

    @Test
    void malformedHopsStopTheWalkAndHostnamesAreNeverLookedUp() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("10.0.0.1", addresses.resolve("10.0.0.1", "example.com"));
        assertEquals("10.0.0.3", addresses.resolve("10.0.0.1", "203.0.113.1, bad, 10.0.0.3"));
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
    }
}
