"""Assets and trash: finding, counting, moving, renaming, deleting and restoring assets.

The operations not emulated yet are as ``python -m ips_emulator.protocol.scaffold``
wrote them from Adobe's 2013-02-15 and 2014-04-03 WSDLs, with the roles of their
reference pages where Adobe documents one; their history before 2013-02-15 is not
researched, so they are declared from that version (docs/decisions.md).
"""

from __future__ import annotations

from ips_emulator.protocol import assets, metadata
from ips_emulator.protocol.declarations.roles import (
    ALL_ROLES,
    ASSET_EDITORS,
    NOT_PORTAL_USER,
    NOT_TRIAL,
)
from ips_emulator.protocol.schema import BOOLEAN, INT, STRING, Field, Operation, family, opt

OPERATIONS = family(
    "Assets and trash",
    Operation(
        "getAssetsByName",
        param=(
            Field("companyHandle", STRING),
            opt("accessUserHandle", STRING),
            opt("accessGroupHandle", STRING),
            Field("nameArray", "StringArray"),
            opt("assetTypeArray", "StringArray"),
            opt("excludeAssetTypeArray", "StringArray"),
            opt("assetSubTypeArray", "StringArray"),
            opt("strictSubTypeCheck", BOOLEAN),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(opt("assetArray", "AssetArray"),),
        # No change log; its only example is 2010-01-31 (docs/reference/ips-api/SPEC.md 1.20).
        since="2008-01-15",
        roles=NOT_PORTAL_USER,
        handler=assets.getAssetsByName,
        does="Live assets of the company (none in the trash) whose name is in "
        "`nameArray`, with type filters. Each "
        "`Asset` carries `createUser`, `lastModifyUser`, `metadataArray` and, for an "
        "`Image`, `ipsImageUrl` and `imageInfo`: as seeded, or as an upload derives them "
        "(see below). `responseFieldArray` and `excludeFieldArray` as in `searchAssets`.",
        note="Sub-types, projects, zoom targets, masks, image maps and URL modifiers are not "
        "modelled (sent empty, as recorded); `readyForPublish` is always true; other asset "
        "types get no `…Info`.",
    ),
    Operation(
        "searchAssets",
        param=(
            Field("companyHandle", STRING),
            opt("accessUserHandle", STRING),
            opt("accessGroupHandle", STRING),
            opt("folder", STRING),
            # The page marks it optional; the real WSDL requires it.
            Field("includeSubfolders", BOOLEAN),
            opt("publishState", STRING),
            opt("trashState", STRING),
            opt("conditionMatchMode", STRING),
            opt("keywordArray", "StringArray"),
            opt("systemFieldMatchMode", STRING),
            opt("systemFieldConditionArray", "SystemFieldConditionArray"),
            opt("tagMatchMode", STRING, since="2010-01-31"),
            opt("tagConditionArray", "TagConditionArray", since="2010-01-31"),
            opt("metadataMatchMode", STRING),
            opt("metadataConditionArray", "MetadataConditionArray"),
            opt("assetTypeArray", "StringArray"),
            opt("excludeAssetTypeArray", "StringArray"),
            opt("assetSubTypeArray", "StringArray", since="2009-07-31"),
            opt("strictSubTypeCheck", BOOLEAN, since="2009-07-31"),
            opt("excludeByproducts", BOOLEAN),
            # The page's excludByproductArray [sic].
            opt("excludeByproductArray", "ExcludeByproductArray", since="2009-07-31"),
            # The page types it xsd:sting [sic] (docs/reference/ips-api/SPEC.md G3).
            opt("projectHandle", STRING),
            opt("recordsPerPage", INT),
            opt("resultsPage", INT),
            opt("sortBy", STRING),
            opt("sortDirection", STRING),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(
            opt("totalRows", INT),
            opt("assetArray", "AssetArray"),
        ),
        # Older than 3.7, but its 4.0 changes (typed and range conditions, fileSize "added
        # to most *Info types") are not listed field by field, and no page shows how
        # pre-4.0 matched dates: served from 4.0 on (docs/decisions.md).
        since="2008-01-15",
        roles=ALL_ROLES,
        handler=assets.searchAssets,
        does="`folder` (with or without the root, `includeSubfolders`), `assetTypeArray`, "
        "`excludeAssetTypeArray`, `systemFieldConditionArray` on "
        "`Name`/`FileName`/`Description`/`Comments`/`UserData`/`Sku`/`CreateUser`/"
        "`LastModifyUser` (string operators) and `Created`/`LastModified` (date operators, "
        "`Between`), `MatchAll`/`MatchAny`, sorting (`FileSize` by the stored size), paging "
        "(`totalRows` is the full count), `trashState` (default `NotInTrash`; `InTrash`, "
        "`Any`; `InEmptiedTrash` finds none). `metadataConditionArray` as in "
        "`searchAssetsByMetadata` (field handles, `custom_attributes.<field>`, stored names, "
        "system keys; string, typed and range operators), combined by `metadataMatchMode`, "
        "then with the system field conditions by `conditionMatchMode` (both `MatchAll` by "
        "default). Assets as in `getAssetsByName`. "
        "`responseFieldArray`/`excludeFieldArray` paths (`assetArray/items/imageInfo/width`) "
        "keep or drop fields, a path naming no field faults; `recordsPerPage` up to 1,000 "
        "(the default), or 10,000 when the response is limited to `totalRows` and the "
        "assets' `assetHandle`, `name`, `type` and `subType`.",
        note="Tags, keywords and publish states are not modelled (`tagConditionArray` and "
        "`keywordArray` are ignored): `Keywords`, `CreatedWith` and `FileSize` conditions, and "
        "details not known, compare as empty. A search with metadata conditions tests them "
        "in memory over the assets its folder, types and trash state let through; at most "
        "500 conditions in each array.",
    ),
    Operation(
        "getAssets",
        param=(
            Field("companyHandle", STRING),
            opt("accessUserHandle", STRING),
            opt("accessGroupHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(opt("assetArray", "AssetArray"),),
        # SPEC.md 1.0 lists it among the 4.0 operations; nothing dates it before 4.0.
        since="2008-01-15",
        roles=ALL_ROLES,
        handler=assets.getAssets,
        does="The company's assets among `assetHandleArray`, in the order asked, each "
        "once, those in the trash too (`trashState` tells); a handle of no asset, or of "
        "another company's, is left out. Each `Asset` as in `getAssetsByName`, "
        "`responseFieldArray` and `excludeFieldArray` as in `searchAssets`.",
        note="As `getAssetsByName`; access groups are not modelled.",
    ),
    Operation(
        "searchAssetsByMetadata",
        param=(
            Field("companyHandle", STRING),
            opt("filters", "SearchFilter"),
            opt("metadataConditionArray", "MetadataConditionArray"),
            opt("metadataConditionMatchMode", STRING),
            opt("responseMetadataArray", "StringArray"),
            opt("recordsPerPage", INT),
            opt("resultsPage", INT),
            opt("sortBy", STRING),
            opt("sortDirection", STRING),
            opt("haystackSearch", "HaystackSearch", since="2016-01-14-beta"),
        ),
        result=(
            Field("totalRows", INT),
            Field("assetSummaryArray", "AssetSummaryArray"),
        ),
        # New in 4.5 (Adobe's r-4-5-operations.md change log); its example is 2010-01-31.
        since="2010-01-31",
        roles=NOT_TRIAL,
        handler=metadata.searchAssetsByMetadata,
        does="`metadataConditionArray` on the page's system keys (`name`, `folder_path`, "
        "`created_at`, ...), `custom_attributes.<field>`, field handles and stored names "
        "(`dc.rights`), string operators (case-insensitive unless `caseSensitive`) or typed "
        "values and ranges, `MatchAll`/`MatchAny`; `filters` folder, types and `trashState` "
        "(as `searchAssets`'); sorting and "
        "paging as `searchAssets`; `responseMetadataArray` values in `metadataArray`.",
        note="Custom fields asked for in `responseMetadataArray` answer `null`, as the page "
        "documents; sub-types, by-products, projects, publish state and `haystackSearch` "
        "are not modelled (the last refused); at most 500 conditions.",
    ),
    Operation(
        "getAssetCounts",
        param=(Field("companyHandle", STRING),),
        result=(opt("countArray", "AssetCountArray"),),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "getAssociatedAssets",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            opt("responseFieldArray", "StringArray"),
            opt("excludeFieldArray", "StringArray"),
        ),
        result=(
            opt("containerArray", "AssetArray"),
            opt("memberArray", "AssetArray"),
            opt("layerReferenceArray", "AssetArray"),
            opt("ownerArray", "AssetArray"),
            opt("derivedArray", "AssetArray"),
            opt("generatorArray", "GenerationInfoArray"),
            opt("generatedArray", "GenerationInfoArray"),
            opt("subAssetArray", "SubAssetArray", since="2017-10-29-beta"),
            opt("thumbAsset", "Asset"),
        ),
        since="2013-02-15",
        roles=ALL_ROLES,
    ),
    Operation(
        "checkAssetNames",
        param=(
            Field("companyHandle", STRING),
            Field("assetNameArray", "StringArray"),
        ),
        result=(Field("inUseNameArray", "StringArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getSearchStrings",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("searchStringsArray", "SearchStringsArray"),),
        since="2013-02-15",
    ),
    Operation(
        "deleteAsset",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(),
        # New in 3.7 (its change log); the page's example is in the pre-4.0 namespace.
        roles=ASSET_EDITORS,
        handler=assets.deleteAsset,
        does="The asset goes to the trash (`trashState` `InTrash`), answered as recorded "
        "(an empty `deleteAssetReturn`); the job log `BeginTrash`, `TrashSuccess`, `EndTrash` "
        "(`TrashWarning` for one already there, which is no fault).",
        note="Every delete goes to the trash: the company setting that deletes at once is "
        "not modelled, so no `…Delete` entry is written; the asset's own dates stay.",
    ),
    Operation(
        "deleteAssets",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        # New in 4.0 ("Implemented deleteAssetsParam batch delete operation").
        since="2008-01-15",
        # The page lists IspAdmin [sic]: read as the role it misspells.
        roles=ASSET_EDITORS,
        handler=assets.deleteAssets,
        does="Each asset as by `deleteAsset`, one job log for the call; an item "
        "`deleteAsset` would refuse is an `errorDetailArray` item with that fault's code and "
        "reason, one already in the trash a warning; the others go on.",
        note="As `deleteAsset`.",
    ),
    Operation(
        "moveAsset",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("folderHandle", STRING),
        ),
        result=(),
        # New in 3.7 (its change log); the page's example is in the pre-4.0 namespace.
        roles=ASSET_EDITORS,
        handler=assets.moveAsset,
        does="The asset goes to the folder `folderHandle` names (the company root "
        "included); a name in use there is 30000 \"Asset ID '…' is already in use.\" as "
        "`renameAsset`; its job logs stay its own; an asset in the trash is refused.",
        note="No job-log entry is written (the Job Log Types list has none for a move).",
    ),
    Operation(
        "moveAssets",
        param=(
            Field("companyHandle", STRING),
            Field("assetMoveArray", "AssetMoveArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        # New in 4.0 ("Implemented moveAssetsParam batch move operation").
        since="2008-01-15",
        roles=ASSET_EDITORS,
        handler=assets.moveAssets,
        does="Each move as by `moveAsset`, independently: an item `moveAsset` would refuse "
        "is an `errorDetailArray` item with that fault's code and reason.",
        note="As `moveAsset`.",
    ),
    Operation(
        "renameAsset",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
            Field("newName", STRING),
            Field("validateName", BOOLEAN),
        ),
        result=(),
        # Recorded from the live 2010-01-31 service; its page's pre-4.0 example also sends
        # a renameFiles no WSDL we have declares, so nothing earlier is declared.
        since="2010-01-31",
        # The page lists ImpagePortalContribUser [sic]: read as the role it misspells.
        roles=ASSET_EDITORS,
        handler=assets.renameAsset,
        does="The asset gets `newName` (its job logs stay its own); a name in use in its "
        "folder, or with `validateName` anywhere in the company, is 30000 \"Asset ID '…' "
        "is already in use.\" as recorded; `lastModified`/`lastModifyUser` are the call's.",
        note="The stored files are not renamed; `validateName` applies to every asset type.",
    ),
    Operation(
        "emptyAssetsFromTrash",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        # New in 4.0 ("Added operations to restore assets from the trash and empty assets
        # from the trash"); the page's example is in a later namespace.
        since="2008-01-15",
        roles=ASSET_EDITORS,
        handler=assets.emptyAssetsFromTrash,
        does="Each asset in the trash is removed for good (its job-log entries stay, about "
        "no asset); a live one is an error. Job log `BeginEmptyTrash`, `EmptyTrashSuccess`, "
        "`EndEmptyTrash`.",
        note="Purged at once: the nightly cleanup is not modelled, so `InEmptiedTrash` is "
        "never seen, nor are assets timed out of the trash.",
    ),
    Operation(
        "restoreAssetsFromTrash",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
        ),
        result=(
            Field("successCount", INT),
            Field("warningCount", INT),
            Field("errorCount", INT),
            opt("warningDetailArray", "AssetOperationFaultArray"),
            opt("errorDetailArray", "AssetOperationFaultArray"),
        ),
        # New in 4.0, with emptyAssetsFromTrash (its change log).
        since="2008-01-15",
        roles=ASSET_EDITORS,
        handler=assets.restoreAssetsFromTrash,
        does="Each asset in the trash is live again in its folder (made again if deleted "
        "meanwhile); a live one is a warning. Job log `BeginRestoreTrash`, "
        "`RestoreTrashSuccess`, `EndRestoreTrash`.",
        note="—",
    ),
    Operation(
        "getOriginalFilePaths",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandleArray", "HandleArray"),
        ),
        result=(Field("originalFileArray", "StringArray"),),
        since="2013-02-15",
    ),
    Operation(
        "getZipEntries",
        param=(
            Field("companyHandle", STRING),
            Field("assetHandle", STRING),
        ),
        result=(Field("zipArray", "ZipEntryArray"),),
        since="2013-02-15",
    ),
    Operation(
        "uploadPost",
        param=(
            Field("companyHandle", STRING),
            opt("jobName", STRING),
            opt("jobHandle", STRING),
            opt("locale", STRING),
            opt("description", STRING),
            opt("destFolder", STRING),
            opt("fileName", STRING),
            opt("endJob", BOOLEAN),
            opt("uploadParams", "UploadPostJob"),
        ),
        result=(Field("jobHandle", STRING),),
        since="2014-04-03",
    ),
)
