"""The typed parameters of the emulated operations. Written by ``make params``
(``protocol/params_writer.py``) from the declarations: do not edit.

Each class is the shape spyne parses an element into; a field that is optional, or
absent from some API version, may be None.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class GetAssetJobLogsParam(Protocol):
    """getAssetJobLogsParam."""

    companyHandle: str
    assetHandle: str


class GetJobLogsParam(Protocol):
    """getJobLogsParam."""

    companyHandle: str | None
    userHandle: str | None
    sortBy: str | None
    sortDirection: str | None
    startDate: datetime | None
    endDate: datetime | None
    numRows: int | None


class GetJobLogDetailsParam(Protocol):
    """getJobLogDetailsParam."""

    companyHandle: str
    jobHandle: str | None
    originalName: str | None
    logTypeArray: StringArray | None
    recordsPerPage: int | None
    resultsPage: int | None
    sortBy: str | None
    sortDirection: str | None


class SubmitJobParam(Protocol):
    """submitJobParam."""

    companyHandle: str
    userHandle: str | None
    jobName: str
    locale: str | None
    execTime: datetime | None
    execSchedule: str | None
    description: str | None
    imageServingPublishJob: ImageServingPublishJob | None
    imageRenderingPublishJob: ImageRenderingPublishJob | None
    videoPublishJob: VideoPublishJob | None
    serverDirectoryPublishJob: ServerDirectoryPublishJob | None
    metadataPublishJob: MetadataPublishJob | None
    uploadDirectoryJob: UploadDirectoryJob | None
    uploadUrlsJob: UploadUrlsJob | None
    optimizeImagesJob: OptimizeImagesJob | None
    ripPdfsJob: RipPdfsJob | None
    reprocessAssetsJob: ReprocessAssetsJob | None
    createVideoSitemapJob: CreateVideoSitemapJob | None
    exportJob: ExportJob | None
    automatedSetGenerationJob: AutomatedSetGenerationJob | None


class GetActiveJobsParam(Protocol):
    """getActiveJobsParam."""

    companyHandle: str | None
    jobHandle: str | None
    originalName: str | None
    includeWaitingJobs: bool | None


class GetScheduledJobsParam(Protocol):
    """getScheduledJobsParam."""

    companyHandle: str | None
    jobHandle: str | None
    originalName: str | None


class StopJobParam(Protocol):
    """stopJobParam."""

    companyHandle: str
    jobHandle: str


class PauseJobParam(Protocol):
    """pauseJobParam."""

    companyHandle: str
    jobHandle: str


class ResumeJobParam(Protocol):
    """resumeJobParam."""

    companyHandle: str
    jobHandle: str


class DeleteJobParam(Protocol):
    """deleteJobParam."""

    companyHandle: str
    jobHandle: str


class ExecuteJobParam(Protocol):
    """executeJobParam."""

    companyHandle: str
    jobHandle: str


class CheckLoginParam(Protocol):
    """checkLoginParam."""

    companyHandle: str | None
    email: str
    password: str


class GetCompanyInfoParam(Protocol):
    """getCompanyInfoParam."""

    companyHandle: str | None
    companyName: str | None
    imsOrgId: str | None


class GetCompanyMembershipParam(Protocol):
    """getCompanyMembershipParam."""

    userHandle: str | None


class GetUserInfoParam(Protocol):
    """getUserInfoParam."""

    userHandle: str | None
    email: str | None


class GetAllCompaniesParam(Protocol):
    """getAllCompaniesParam."""

    includeExpired: bool


class GetAssetsByNameParam(Protocol):
    """getAssetsByNameParam."""

    companyHandle: str
    accessUserHandle: str | None
    accessGroupHandle: str | None
    nameArray: StringArray
    assetTypeArray: StringArray | None
    excludeAssetTypeArray: StringArray | None
    assetSubTypeArray: StringArray | None
    strictSubTypeCheck: bool | None
    responseFieldArray: StringArray | None
    excludeFieldArray: StringArray | None


class SearchAssetsParam(Protocol):
    """searchAssetsParam."""

    companyHandle: str
    accessUserHandle: str | None
    accessGroupHandle: str | None
    folder: str | None
    includeSubfolders: bool
    publishState: str | None
    trashState: str | None
    conditionMatchMode: str | None
    keywordArray: StringArray | None
    systemFieldMatchMode: str | None
    systemFieldConditionArray: SystemFieldConditionArray | None
    tagMatchMode: str | None
    tagConditionArray: TagConditionArray | None
    metadataMatchMode: str | None
    metadataConditionArray: MetadataConditionArray | None
    assetTypeArray: StringArray | None
    excludeAssetTypeArray: StringArray | None
    assetSubTypeArray: StringArray | None
    strictSubTypeCheck: bool | None
    excludeByproducts: bool | None
    excludeByproductArray: ExcludeByproductArray | None
    projectHandle: str | None
    recordsPerPage: int | None
    resultsPage: int | None
    sortBy: str | None
    sortDirection: str | None
    responseFieldArray: StringArray | None
    excludeFieldArray: StringArray | None


class GetAssetsParam(Protocol):
    """getAssetsParam."""

    companyHandle: str
    accessUserHandle: str | None
    accessGroupHandle: str | None
    assetHandleArray: HandleArray
    responseFieldArray: StringArray | None
    excludeFieldArray: StringArray | None


class SearchAssetsByMetadataParam(Protocol):
    """searchAssetsByMetadataParam."""

    companyHandle: str
    filters: SearchFilter | None
    metadataConditionArray: MetadataConditionArray | None
    metadataConditionMatchMode: str | None
    responseMetadataArray: StringArray | None
    recordsPerPage: int | None
    resultsPage: int | None
    sortBy: str | None
    sortDirection: str | None
    haystackSearch: HaystackSearch | None


class DeleteAssetParam(Protocol):
    """deleteAssetParam."""

    companyHandle: str
    assetHandle: str


class DeleteAssetsParam(Protocol):
    """deleteAssetsParam."""

    companyHandle: str
    assetHandleArray: HandleArray


class MoveAssetParam(Protocol):
    """moveAssetParam."""

    companyHandle: str
    assetHandle: str
    folderHandle: str


class MoveAssetsParam(Protocol):
    """moveAssetsParam."""

    companyHandle: str
    assetMoveArray: AssetMoveArray


class RenameAssetParam(Protocol):
    """renameAssetParam."""

    companyHandle: str
    assetHandle: str
    newName: str
    validateName: bool


class EmptyAssetsFromTrashParam(Protocol):
    """emptyAssetsFromTrashParam."""

    companyHandle: str
    assetHandleArray: HandleArray


class RestoreAssetsFromTrashParam(Protocol):
    """restoreAssetsFromTrashParam."""

    companyHandle: str
    assetHandleArray: HandleArray


class GetFoldersParam(Protocol):
    """getFoldersParam."""

    companyHandle: str
    accessUserHandle: str | None
    accessGroupHandle: str | None
    folderPath: str | None
    assetTypeArray: StringArray | None
    responseFieldArray: StringArray | None
    excludeFieldArray: StringArray | None


class GetFolderTreeParam(Protocol):
    """getFolderTreeParam."""

    companyHandle: str
    accessUserHandle: str | None
    accessGroupHandle: str | None
    folderPath: str | None
    depth: int
    assetTypeArray: StringArray | None
    responseFieldArray: StringArray | None
    excludeFieldArray: StringArray | None


class CreateFolderParam(Protocol):
    """createFolderParam."""

    companyHandle: str
    folderPath: str


class DeleteFolderParam(Protocol):
    """deleteFolderParam."""

    companyHandle: str
    folderHandle: str


class MoveFolderParam(Protocol):
    """moveFolderParam."""

    companyHandle: str
    folderHandle: str
    destFolderHandle: str


class RenameFolderParam(Protocol):
    """renameFolderParam."""

    companyHandle: str
    folderHandle: str
    folderName: str


class GetMetadataFieldsParam(Protocol):
    """getMetadataFieldsParam."""

    companyHandle: str
    assetType: str


class SetAssetMetadataParam(Protocol):
    """setAssetMetadataParam."""

    companyHandle: str
    assetHandle: str
    updateArray: MetadataUpdateArray


class BatchSetAssetMetadataParam(Protocol):
    """batchSetAssetMetadataParam."""

    companyHandle: str
    updateArray: BatchMetadataUpdateArray


class TagCondition(Protocol):
    """types:TagCondition."""

    fieldHandle: str
    op: str
    value: str | None
    valueArray: StringArray | None


class TagConditionArray(Protocol):
    """types:TagConditionArray."""

    items: list[TagCondition] | None


class MetadataCondition(Protocol):
    """types:MetadataCondition."""

    fieldHandle: str
    op: str
    caseSensitive: bool | None
    value: str | None
    values: StringArray | None
    boolVal: bool | None
    longVal: int | None
    minLong: int | None
    maxLong: int | None
    doubleVal: float | None
    minDouble: float | None
    maxDouble: float | None
    dateVal: datetime | None
    minDate: datetime | None
    maxDate: datetime | None


class MetadataConditionArray(Protocol):
    """types:MetadataConditionArray."""

    items: list[MetadataCondition] | None


class SystemFieldCondition(Protocol):
    """types:SystemFieldCondition."""

    field: str
    op: str
    value: str | None
    boolVal: bool | None
    longVal: int | None
    minLong: int | None
    maxLong: int | None
    doubleVal: float | None
    minDouble: float | None
    maxDouble: float | None
    dateVal: datetime | None
    minDate: datetime | None
    maxDate: datetime | None


class SystemFieldConditionArray(Protocol):
    """types:SystemFieldConditionArray."""

    items: list[SystemFieldCondition] | None


class ExcludeByproductCondition(Protocol):
    """types:ExcludeByproductCondition."""

    engine: str
    generatedAssetType: str


class ExcludeByproductArray(Protocol):
    """types:ExcludeByproductArray."""

    items: list[ExcludeByproductCondition] | None


class HandleArray(Protocol):
    """types:HandleArray."""

    items: list[str] | None


class StringArray(Protocol):
    """types:StringArray."""

    items: list[str] | None


class UnsharpMaskOptions(Protocol):
    """types:UnsharpMaskOptions."""

    amount: float | None
    radius: float | None
    threshold: int | None
    monochrome: int | None


class KnockoutBackgroundOptions(Protocol):
    """types:KnockoutBackgroundOptions."""

    corner: str
    tolerance: float | None
    fillMethod: str


class ManualCropOptions(Protocol):
    """types:ManualCropOptions."""

    left: int
    right: int
    top: int
    bottom: int


class AutoColorCropOptions(Protocol):
    """types:AutoColorCropOptions."""

    corner: str
    tolerance: float


class AutoTransparentCropOptions(Protocol):
    """types:AutoTransparentCropOptions."""

    tolerance: float


class PhotoshopOptions(Protocol):
    """types:PhotoshopOptions."""

    process: str | None
    layerOptions: PhotoshopLayerOptions | None


class PhotoshopLayerOptions(Protocol):
    """types:PhotoshopLayerOptions."""

    layerNaming: str | None
    anchor: str | None
    createTemplate: bool | None
    extractText: bool | None
    extendLayers: bool | None


class PostScriptOptions(Protocol):
    """types:PostScriptOptions."""

    process: str | None
    resolution: float | None
    colorspace: str | None
    alpha: bool | None
    extractSearchWords: bool | None


class IllustratorOptions(Protocol):
    """types:IllustratorOptions."""

    process: str | None
    resolution: float | None
    colorspace: str | None
    alpha: bool | None


class UnCompressOptions(Protocol):
    """types:UnCompressOptions."""

    process: str


class InDesignOptions(Protocol):
    """types:InDesignOptions."""

    process: str | None


class PDFOptions(Protocol):
    """types:PDFOptions."""

    process: str | None
    resolution: float | None
    colorspace: str | None
    pdfCatalog: bool | None
    extractSearchWords: bool | None
    extractLinks: bool | None


class ColorManagementOptions(Protocol):
    """types:ColorManagementOptions."""

    colorManagement: str
    sourceProfileHandle: str | None
    outputProfileHandle: str | None


class MediaOptions(Protocol):
    """types:MediaOptions."""

    videoEncodingPresetsArray: HandleArray | None
    videoEncodingArray: VideoEncodingArray | None
    videoSmartCropArray: VideoSmartCropArray | None
    videoSmartCropSampleRate: int | None
    avsEncodingArray: AvsEncodingArray | None
    generateThumbnail: bool | None
    thumbnailOptions: ThumbnailOptions | None


class ThumbnailOptions(Protocol):
    """types:ThumbnailOptions."""

    thumbnailTime: int | None


class AutoSetCreationOptions(Protocol):
    """types:AutoSetCreationOptions."""

    autoSetsArray: HandleArray | None


class AutoSmartCropOptions(Protocol):
    """types:AutoSmartCropOptions."""

    name: str
    width: int
    height: int
    type: str


class AutoSmartCropOptionsArray(Protocol):
    """types:AutoSmartCropOptionsArray."""

    items: list[AutoSmartCropOptions] | None


class CssOptions(Protocol):
    """types:CssOptions."""

    forceStaticImages: bool | None


class VideoEncoding(Protocol):
    """types:VideoEncoding."""

    name: str
    fileSuffix: str
    playbackTarget: str | None
    width: int | None
    height: int | None
    videoCodec: str | None
    videoBitrate: int
    minBitrate: int | None
    maxBitrate: int | None
    constantBitrate: bool | None
    frameRate: float | None
    keyframeInterval: int | None
    h264Profile: str | None
    h264Level: str | None
    twoPass: bool | None
    audioCodec: str | None
    audioBitrate: int
    audioSampleRate: int | None
    advancedSettings: PropertyArray | None


class VideoEncodingArray(Protocol):
    """types:VideoEncodingArray."""

    items: list[VideoEncoding] | None


class AvsEncoding(Protocol):
    """types:AvsEncoding."""

    name: str
    aspectRatio: str | None
    videoEncodingArray: VideoEncodingArray


class AvsEncodingArray(Protocol):
    """types:AvsEncodingArray."""

    items: list[AvsEncoding] | None


class VideoSmartCropAspectRatio(Protocol):
    """types:VideoSmartCropAspectRatio."""

    width: int | None
    height: int | None


class VideoSmartCropArray(Protocol):
    """types:VideoSmartCropArray."""

    items: list[VideoSmartCropAspectRatio] | None


class MetadataOptions(Protocol):
    """types:MetadataOptions."""

    updateArray: MetadataUpdateArray | None


class UploadUrl(Protocol):
    """types:UploadUrl."""

    sourceUrl: str
    destPath: str


class UploadUrlArray(Protocol):
    """types:UploadUrlArray."""

    items: list[UploadUrl] | None


class ImageServingPublishJob(Protocol):
    """types:ImageServingPublishJob."""

    publishType: str
    emailSetting: str
    httpCompletionUrl: str | None
    contextHandle: str | None


class ImageRenderingPublishJob(Protocol):
    """types:ImageRenderingPublishJob."""

    emailSetting: str
    httpCompletionUrl: str | None
    contextHandle: str | None


class VideoPublishJob(Protocol):
    """types:VideoPublishJob."""

    emailSetting: str
    httpCompletionUrl: str | None
    contextHandle: str | None


class ServerDirectoryPublishJob(Protocol):
    """types:ServerDirectoryPublishJob."""

    emailSetting: str
    httpCompletionUrl: str | None


class UploadDirectoryJob(Protocol):
    """types:UploadDirectoryJob."""

    destFolder: str | None
    serverDir: str
    overwrite: bool
    readyForPublish: bool
    preservePublishState: bool | None
    synchronizationComplete: bool | None
    includeSubfolders: bool
    createMask: bool
    processMetadataFiles: bool
    preserveCrop: bool | None
    knockoutBackgroundOptions: KnockoutBackgroundOptions | None
    manualCropOptions: ManualCropOptions | None
    autoColorCropOptions: AutoColorCropOptions | None
    autoTransparentCropOptions: AutoTransparentCropOptions | None
    autoSmartCropOptionsArray: AutoSmartCropOptionsArray | None
    photoshopOptions: PhotoshopOptions | None
    postScriptOptions: PostScriptOptions | None
    pdfOptions: PDFOptions | None
    illustratorOptions: IllustratorOptions | None
    cssOptions: CssOptions | None
    colorManagementOptions: ColorManagementOptions | None
    autoSetCreationOptions: AutoSetCreationOptions | None
    projectHandleArray: HandleArray | None
    emailSetting: str
    postJobOnlyIfFiles: bool | None
    postHttpUrl: str | None
    postImageServingPublishJob: ImageServingPublishJob | None
    postImageRenderingPublishJob: ImageRenderingPublishJob | None
    postVideoPublishJob: VideoPublishJob | None
    mediaOptions: MediaOptions | None
    inDesignOptions: InDesignOptions | None
    xmpKeywords: str | None
    xmpTemplateId: str | None
    xmpTemplateOverwrites: bool | None
    unsharpMaskOptions: UnsharpMaskOptions | None
    unCompressOptions: UnCompressOptions | None
    excludeMasterVideoFromAVS: bool | None
    metadataOptions: MetadataOptions | None
    jwtToken: str | None
    imsOrg: str | None
    apikey: str | None
    ignoreSmartCropGeneration: bool | None
    preserveSmartCrop: bool | None


class UploadUrlsJob(Protocol):
    """types:UploadUrlsJob."""

    urlArray: UploadUrlArray | None
    numUrls: int | None
    overwrite: bool
    readyForPublish: bool
    preservePublishState: bool | None
    synchronizationComplete: bool | None
    createMask: bool
    preserveCrop: bool | None
    knockoutBackgroundOptions: KnockoutBackgroundOptions | None
    manualCropOptions: ManualCropOptions | None
    autoColorCropOptions: AutoColorCropOptions | None
    autoTransparentCropOptions: AutoTransparentCropOptions | None
    autoSmartCropOptionsArray: AutoSmartCropOptionsArray | None
    photoshopOptions: PhotoshopOptions | None
    postScriptOptions: PostScriptOptions | None
    pdfOptions: PDFOptions | None
    illustratorOptions: IllustratorOptions | None
    cssOptions: CssOptions | None
    colorManagementOptions: ColorManagementOptions | None
    autoSetCreationOptions: AutoSetCreationOptions | None
    projectHandleArray: HandleArray | None
    emailSetting: str
    postJobOnlyIfFiles: bool | None
    postHttpUrl: str | None
    postImageServingPublishJob: ImageServingPublishJob | None
    postImageRenderingPublishJob: ImageRenderingPublishJob | None
    postVideoPublishJob: VideoPublishJob | None
    mediaOptions: MediaOptions | None
    inDesignOptions: InDesignOptions | None
    xmpKeywords: str | None
    unsharpMaskOptions: UnsharpMaskOptions | None
    unCompressOptions: UnCompressOptions | None
    excludeMasterVideoFromAVS: bool | None
    metadataOptions: MetadataOptions | None
    jwtToken: str | None
    imsOrg: str | None
    apikey: str | None
    ignoreSmartCropGeneration: bool | None
    preserveSmartCrop: bool | None


class CreateVideoSitemapJob(Protocol):
    """types:CreateVideoSitemapJob."""

    forceUpdate: bool | None


class MetadataPublishJob(Protocol):
    """types:MetadataPublishJob."""

    forcePublish: bool | None


class ExportJob(Protocol):
    """types:ExportJob."""

    assetHandleArray: HandleArray
    fmt: str
    is_modifier: str | None
    macro: str | None
    emailSetting: str
    clientId: str | None


class AutomatedSetGenerationJob(Protocol):
    """types:AutomatedSetGenerationJob."""

    assetHandleArray: HandleArray
    destFolder: str | None
    readyForPublish: bool
    synchronizationComplete: bool | None
    autoSetCreationOptions: AutoSetCreationOptions
    emailSetting: str


class OptimizeImagesJob(Protocol):
    """types:OptimizeImagesJob."""

    emailSetting: str


class RipPdfsJob(Protocol):
    """types:RipPdfsJob."""

    pdfHandleArray: HandleArray
    createMask: bool
    knockoutBackgroundOptions: KnockoutBackgroundOptions | None
    manualCropOptions: ManualCropOptions | None
    autoColorCropOptions: AutoColorCropOptions | None
    autoTransparentCropOptions: AutoTransparentCropOptions | None
    autoSmartCropOptionsArray: AutoSmartCropOptionsArray | None
    postScriptOptions: PostScriptOptions | None
    pdfOptions: PDFOptions | None
    illustratorOptions: IllustratorOptions | None
    colorManagementOptions: ColorManagementOptions | None
    projectHandleArray: HandleArray | None
    emailSetting: str
    postHttpUrl: str | None
    postImageServingPublishJob: ImageServingPublishJob | None
    postImageRenderingPublishJob: ImageRenderingPublishJob | None
    postVideoPublishJob: VideoPublishJob | None
    inDesignOptions: InDesignOptions | None


class ReprocessAssetsJob(Protocol):
    """types:ReprocessAssetsJob."""

    assetHandleArray: HandleArray
    readyForPublish: bool | None
    synchronizationComplete: bool | None
    preservePublishState: bool | None
    createMask: bool
    preserveCrop: bool | None
    overwriteAVS: bool | None
    knockoutBackgroundOptions: KnockoutBackgroundOptions | None
    manualCropOptions: ManualCropOptions | None
    autoColorCropOptions: AutoColorCropOptions | None
    autoTransparentCropOptions: AutoTransparentCropOptions | None
    autoSmartCropOptionsArray: AutoSmartCropOptionsArray | None
    photoshopOptions: PhotoshopOptions | None
    postScriptOptions: PostScriptOptions | None
    pdfOptions: PDFOptions | None
    mediaOptions: MediaOptions | None
    illustratorOptions: IllustratorOptions | None
    cssOptions: CssOptions | None
    colorManagementOptions: ColorManagementOptions | None
    autoSetCreationOptions: AutoSetCreationOptions | None
    projectHandleArray: HandleArray | None
    emailSetting: str
    postJobOnlyIfFiles: bool | None
    postHttpUrl: str | None
    postImageServingPublishJob: ImageServingPublishJob | None
    postImageRenderingPublishJob: ImageRenderingPublishJob | None
    postVideoPublishJob: VideoPublishJob | None
    inDesignOptions: InDesignOptions | None
    unsharpMaskOptions: UnsharpMaskOptions | None
    excludeMasterVideoFromAVS: bool | None
    metadataOptions: MetadataOptions | None
    jwtToken: str | None
    imsOrg: str | None
    apikey: str | None
    ignoreSmartCropGeneration: bool | None
    preserveSmartCrop: bool | None


class SearchFilter(Protocol):
    """types:SearchFilter."""

    folder: str | None
    includeSubfolders: bool | None
    assetTypeArray: StringArray | None
    excludeAssetTypeArray: StringArray | None
    assetSubTypeArray: StringArray | None
    strictSubTypeCheck: bool | None
    excludeByproducts: bool | None
    projectHandle: str | None
    publishState: str | None
    trashState: str | None


class HaystackSearch(Protocol):
    """types:HaystackSearch."""

    assetHandle: str
    siftWeight: float | None
    colorWeight: float | None
    blobWeight: float | None
    gistWeight: float | None
    similarityLimit: float | None
    resultLimit: int | None


class AssetMove(Protocol):
    """types:AssetMove."""

    assetHandle: str
    folderHandle: str


class AssetMoveArray(Protocol):
    """types:AssetMoveArray."""

    items: list[AssetMove] | None


class MetadataUpdate(Protocol):
    """types:MetadataUpdate."""

    fieldHandle: str
    value: str | None
    boolVal: bool | None
    longVal: int | None
    doubleVal: float | None
    dateVal: datetime | None
    addTagValueArray: StringArray | None
    setTagValueArray: StringArray | None
    deleteTagValueArray: StringArray | None


class MetadataUpdateArray(Protocol):
    """types:MetadataUpdateArray."""

    items: list[MetadataUpdate] | None


class BatchMetadataUpdate(Protocol):
    """types:BatchMetadataUpdate."""

    assetHandleArray: HandleArray
    updateArray: MetadataUpdateArray


class BatchMetadataUpdateArray(Protocol):
    """types:BatchMetadataUpdateArray."""

    items: list[BatchMetadataUpdate] | None


class Property(Protocol):
    """types:Property."""

    name: str
    value: str


class PropertyArray(Protocol):
    """types:PropertyArray."""

    items: list[Property] | None
