package com.finagent.plaid.sandbox;

import com.plaid.client.model.CountryCode;
import com.plaid.client.model.InstitutionsGetByIdRequest;
import com.plaid.client.model.InstitutionsGetByIdResponse;


/** Plaid's Institutions endpoint: the sandbox's banks by id. */
final class InstitutionEndpoints {

    private final PlaidSandbox sandbox;

    InstitutionEndpoints(PlaidSandbox sandbox) {
        this.sandbox = sandbox;
    }

    Object institutionsGetById(SandboxCall<InstitutionsGetByIdRequest> call) {
        InstitutionsGetByIdRequest request = call.request();
        SandboxData.Institution institution = SandboxData.institution(request.getInstitutionId())
                .filter(found -> request.getCountryCodes().contains(CountryCode.US))
                .orElseThrow(() -> PlaidApiError.invalidInput("INVALID_INSTITUTION", "invalid institution_id provided"));
        boolean metadata = request.getOptions() != null
                && Boolean.TRUE.equals(request.getOptions().getIncludeOptionalMetadata());
        boolean status = request.getOptions() != null && Boolean.TRUE.equals(request.getOptions().getIncludeStatus());
        return new InstitutionsGetByIdResponse()
                .institution(PlaidModels.institution(institution, metadata, status, sandbox.now()))
                .requestId(call.requestId());
    }
}
