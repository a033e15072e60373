package com.finagent.web.edge;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentSecurityPolicyTest {

    @Test
    void hashesEachInlineScriptAsCspLevel2Specifies() {
        // The CSP Level 2 specification's own example: the hash source of "alert('Hello, world.');".
        assertEquals(Set.of("qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="),
                ContentSecurityPolicy.inlineScriptHashes("<script>alert('Hello, world.');</script>"));
    }

    @Test
    void leavesScriptsWithASourceToTheOriginRule() {
        Set<String> hashes = ContentSecurityPolicy.inlineScriptHashes(
                "<script src=\"/_next/app.js\" async=\"\"></script><script id=\"x\">self.a=1</script>");
        assertEquals(1, hashes.size());
    }

    @Test
    void allowsOnlyOurOriginPlaidLinkAndTheHashedScripts() {
        String header = ContentSecurityPolicy.of(Set.of("abc=")).header();
        assertTrue(header.contains("script-src 'self' https://cdn.plaid.com 'sha256-abc='"), header);
        assertTrue(header.contains("frame-ancestors 'none'"), header);
        assertTrue(header.contains("object-src 'none'"), header);
        assertFalse(header.matches(".*script-src[^;]*unsafe-inline.*"), header);
    }
}
