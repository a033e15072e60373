package com.finagent.agents.memory;

import java.util.List;

/** One user's long-term memories, shared by the retrieval tests of both embedders. */
final class SampleMemories {

    static final Memory RISK = Memory.of(MemoryKind.RISK_TOLERANCE, "The user has a low risk tolerance.");
    static final Memory HORIZON = Memory.of(MemoryKind.HORIZON, "The user is investing for retirement in 2045.");
    static final Memory NVDA = Memory.of(MemoryKind.HOLDING_INTEREST, "The user is interested in NVDA.");
    static final Memory AAPL = Memory.of(MemoryKind.HOLDING_INTEREST, "The user owns 50 shares of AAPL.");
    static final Memory CRYPTO = Memory.of(MemoryKind.DISLIKE, "The user does not want to invest in crypto.");
    static final Memory TOBACCO = Memory.of(MemoryKind.DISLIKE, "The user does not want to invest in tobacco stocks.");
    static final Memory DIVIDENDS = Memory.of(MemoryKind.PREFERENCE, "The user prefers dividend stocks.");
    static final Memory NURSE = Memory.of(MemoryKind.FACT, "The user is a nurse.");
    static final List<Memory> ALL = List.of(RISK, HORIZON, NVDA, AAPL, CRYPTO, TOBACCO, DIVIDENDS, NURSE);

    private SampleMemories() {
    }
}
