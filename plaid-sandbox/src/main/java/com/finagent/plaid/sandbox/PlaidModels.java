package com.finagent.plaid.sandbox;

import com.plaid.client.model.AccountBalance;
import com.plaid.client.model.AccountBase;
import com.plaid.client.model.AccountSubtype;
import com.plaid.client.model.AccountType;
import com.plaid.client.model.CountryCode;
import com.plaid.client.model.CounterpartyType;
import com.plaid.client.model.Holding;
import com.plaid.client.model.Institution;
import com.plaid.client.model.InvestmentTransaction;
import com.plaid.client.model.InvestmentTransactionSubtype;
import com.plaid.client.model.InvestmentTransactionType;
import com.plaid.client.model.InstitutionStatus;
import com.plaid.client.model.Item;
import com.plaid.client.model.ItemWithConsentFields;
import com.plaid.client.model.Location;
import com.plaid.client.model.PaymentMeta;
import com.plaid.client.model.PersonalFinanceCategory;
import com.plaid.client.model.ProductStatus;
import com.plaid.client.model.ProductStatusBreakdown;
import com.plaid.client.model.Products;
import com.plaid.client.model.Security;
import com.plaid.client.model.Transaction;
import com.plaid.client.model.TransactionCounterparty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Turns the sandbox's own records into the SDK's model objects, i.e. into Plaid's response shapes. */
final class PlaidModels {

    private static final String ICONS = "https://plaid-category-icons.plaid.com/PFC_";
    private static final String LOGOS = "https://plaid-merchant-logos.plaid.com/";

    private PlaidModels() {
    }

    static double money(long cents) {
        return cents / 100.0;
    }

    static AccountBase account(SandboxData.Account account, OffsetDateTime balanceTime) {
        AccountBalance balance = new AccountBalance()
                .current(money(account.currentCents()))
                .available(account.availableCents() == null ? null : money(account.availableCents()))
                .limit(account.limitCents() == null ? null : money(account.limitCents()))
                .isoCurrencyCode("USD")
                .unofficialCurrencyCode(null)
                .lastUpdatedDatetime(balanceTime);
        AccountBase base = new AccountBase()
                .accountId(account.accountId())
                .balances(balance)
                .mask(account.mask())
                .name(account.name())
                .officialName(account.officialName());
        return switch (account.kind()) {
            case CHECKING -> base.type(AccountType.DEPOSITORY).subtype(AccountSubtype.CHECKING);
            case SAVINGS -> base.type(AccountType.DEPOSITORY).subtype(AccountSubtype.SAVINGS);
            case CREDIT_CARD -> base.type(AccountType.CREDIT).subtype(AccountSubtype.CREDIT_CARD);
            case BROKERAGE -> base.type(AccountType.INVESTMENT).subtype(AccountSubtype.BROKERAGE);
            case RETIREMENT_401K -> base.type(AccountType.INVESTMENT).subtype(AccountSubtype._401K);
        };
    }

    static Transaction transaction(SandboxTransaction record, boolean originalDescription) {
        SandboxData.Merchant merchant = record.merchant();
        boolean named = merchant.merchantName() != null;
        boolean inStore = merchant.channel() == SandboxData.Channel.IN_STORE;
        Transaction transaction = new Transaction()
                .transactionId(record.transactionId())
                .accountId(record.accountId())
                .amount(money(record.amountCents()))
                .isoCurrencyCode("USD")
                .unofficialCurrencyCode(null)
                .date(record.date())
                .authorizedDate(record.authorizedDate())
                .authorizedDatetime(null)
                .datetime(null)
                .name(record.name())
                .merchantName(merchant.merchantName())
                .merchantEntityId(named ? merchant.entityId() : null)
                .website(merchant.website())
                .logoUrl(named ? LOGOS + merchant.key() + ".png" : null)
                .originalDescription(originalDescription ? record.name() : null)
                .pending(false)
                .pendingTransactionId(null)
                .accountOwner(null)
                .checkNumber(null)
                .paymentChannel(switch (merchant.channel()) {
                    case IN_STORE -> Transaction.PaymentChannelEnum.IN_STORE;
                    case ONLINE -> Transaction.PaymentChannelEnum.ONLINE;
                    case OTHER -> Transaction.PaymentChannelEnum.OTHER;
                })
                .transactionType(inStore ? Transaction.TransactionTypeEnum.PLACE
                        : named ? Transaction.TransactionTypeEnum.DIGITAL : Transaction.TransactionTypeEnum.SPECIAL)
                .transactionCode(null)
                .personalFinanceCategory(new PersonalFinanceCategory()
                        .primary(merchant.primary())
                        .detailed(merchant.detailed())
                        .confidenceLevel(merchant == SandboxData.UNKNOWN ? "LOW" : "VERY_HIGH"))
                .personalFinanceCategoryIconUrl(ICONS + merchant.primary() + ".png")
                .location(new Location().address(null).city(null).region(null).postalCode(null).country(null)
                        .lat(null).lon(null).storeNumber(null))
                .paymentMeta(new PaymentMeta().referenceNumber(null).ppdId(null).payee(null).byOrderOf(null)
                        .payer(null).paymentMethod(null).paymentProcessor(null).reason(null));
        if (named) {
            transaction.counterparties(List.of(new TransactionCounterparty()
                    .name(merchant.merchantName())
                    .type(CounterpartyType.MERCHANT)
                    .entityId(merchant.entityId())
                    .website(merchant.website())
                    .logoUrl(LOGOS + merchant.key() + ".png")
                    .confidenceLevel("VERY_HIGH")));
        }
        return transaction;
    }

    static Holding holding(SandboxData.Holding holding, LocalDate priceDate) {
        return new Holding()
                .accountId(holding.accountId())
                .securityId(holding.security().securityId())
                .quantity(holding.quantity())
                .institutionPrice(holding.security().price())
                .institutionPriceAsOf(priceDate)
                .institutionPriceDatetime(null)
                .institutionValue(holding.value())
                .costBasis(holding.costBasis())
                .isoCurrencyCode("USD")
                .unofficialCurrencyCode(null)
                .vestedQuantity(null)
                .vestedValue(null);
    }

    static InvestmentTransaction investmentTransaction(SandboxInvestmentTransaction record) {
        return new InvestmentTransaction()
                .investmentTransactionId(record.investmentTransactionId())
                .cancelTransactionId(null)
                .accountId(record.accountId())
                .securityId(record.security() == null ? null : record.security().securityId())
                .date(record.date())
                .transactionDatetime(null)
                .name(record.name())
                .quantity(record.quantity())
                .amount(money(record.amountCents()))
                .price(money(record.priceCents()))
                .fees(money(record.feeCents()))
                .type(InvestmentTransactionType.fromValue(record.type()))
                .subtype(InvestmentTransactionSubtype.fromValue(record.subtype()))
                .isoCurrencyCode("USD")
                .unofficialCurrencyCode(null);
    }

    static Security security(SandboxData.Security security, LocalDate priceDate) {
        return new Security()
                .securityId(security.securityId())
                .isin(null)
                .cusip(null)
                .sedol(null)
                .institutionSecurityId(null)
                .institutionId(null)
                .proxySecurityId(null)
                .name(security.name())
                .tickerSymbol(security.ticker())
                .isCashEquivalent(security.cashEquivalent())
                .type(security.type())
                .subtype(security.subtype())
                .closePrice(security.price())
                .closePriceAsOf(security.cashEquivalent() ? null : priceDate)
                .updateDatetime(null)
                .isoCurrencyCode("USD")
                .unofficialCurrencyCode(null)
                .marketIdentifierCode(security.marketIdentifierCode())
                .sector(security.sector())
                .industry(security.industry())
                .optionContract(null)
                .fixedIncome(null);
    }

    static Institution institution(SandboxData.Institution institution, boolean optionalMetadata, boolean status,
                                   OffsetDateTime now) {
        Institution model = new Institution()
                .institutionId(institution.id())
                .name(institution.name())
                .products(SandboxData.PRODUCTS.stream().map(Products::fromValue).toList())
                .countryCodes(List.of(CountryCode.US))
                .routingNumbers(institution.routingNumbers())
                .dtcNumbers(List.of())
                .oauth(false);
        if (optionalMetadata) {
            model.url(institution.url()).primaryColor(institution.primaryColor()).logo(null);
        }
        if (status) {
            OffsetDateTime since = now.minusDays(3).withHour(8).withMinute(0).withSecond(0).withNano(0);
            model.status(new InstitutionStatus()
                    .itemLogins(healthy(since, 0.98, null))
                    .transactionsUpdates(healthy(since, 0.99, ProductStatusBreakdown.RefreshIntervalEnum.NORMAL))
                    .auth(healthy(since, 0.97, null))
                    .identity(healthy(since, 0.97, null))
                    .investmentsUpdates(healthy(since, 0.99, ProductStatusBreakdown.RefreshIntervalEnum.NORMAL))
                    .liabilitiesUpdates(healthy(since, 0.99, ProductStatusBreakdown.RefreshIntervalEnum.NORMAL))
                    .investments(healthy(since, 0.98, null))
                    .liabilities(healthy(since, 0.98, null))
                    .healthIncidents(List.of()));
        }
        return model;
    }

    private static ProductStatus healthy(OffsetDateTime since, double success,
                                         ProductStatusBreakdown.RefreshIntervalEnum refresh) {
        double plaid = Math.round((1 - success) * 0.3 * 1000) / 1000.0;
        double institution = Math.round((1 - success - plaid) * 1000) / 1000.0;
        return new ProductStatus()
                .status(ProductStatus.StatusEnum.HEALTHY)
                .lastStatusChange(since)
                .breakdown(new ProductStatusBreakdown().success(success).errorPlaid(plaid)
                        .errorInstitution(institution).refreshInterval(refresh));
    }

    /** The item as /accounts/get, /investments/holdings/get and /item/webhook/update show it. */
    static Item item(SandboxItem item, SandboxData.Institution institution, String requestId) {
        List<Products> billed = products(item.billedProducts());
        return new Item()
                .itemId(item.itemId())
                .institutionId(institution.id())
                .institutionName(institution.name())
                .webhook(item.webhook())
                .error(item.loginRequired() ? PlaidApiError.itemLoginRequired().toModel(requestId) : null)
                .availableProducts(available(item))
                .billedProducts(billed)
                .products(billed)
                .consentedProducts(billed)
                .consentExpirationTime(null)
                .updateType(Item.UpdateTypeEnum.BACKGROUND);
    }

    /** The item as /item/get shows it, with its consent fields. */
    static ItemWithConsentFields itemWithConsent(SandboxItem item, SandboxData.Institution institution,
                                                 String requestId) {
        List<Products> billed = products(item.billedProducts());
        return new ItemWithConsentFields()
                .itemId(item.itemId())
                .institutionId(institution.id())
                .institutionName(institution.name())
                .webhook(item.webhook())
                .error(item.loginRequired() ? PlaidApiError.itemLoginRequired().toModel(requestId) : null)
                .availableProducts(available(item))
                .billedProducts(billed)
                .products(billed)
                .consentedProducts(billed)
                .consentExpirationTime(null)
                .updateType(ItemWithConsentFields.UpdateTypeEnum.BACKGROUND)
                .createdAt(item.spec.createdAt().atOffset(ZoneOffset.UTC));
    }

    private static List<Products> available(SandboxItem item) {
        List<String> billed = item.billedProducts();
        return SandboxData.PRODUCTS.stream().filter(product -> !billed.contains(product)).map(Products::fromValue)
                .toList();
    }

    private static List<Products> products(List<String> names) {
        return names.stream().map(Products::fromValue).toList();
    }
}
