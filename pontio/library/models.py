"""The evidence library: records (one piece of research each), their files, imports, possible
duplicates and merges, and collections (team shelves, reading lists, named collections)."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pontio.lib.records import RecordType


def translated(template: str, params: dict[str, Any]) -> str:
    """A message stored untranslated, in the language of the page showing it."""
    if not template:
        return ""
    text = gettext(template)
    try:
        return text % params if params else text
    except (KeyError, ValueError, TypeError):
        return template % params if params else template


class Visibility(models.TextChoices):
    ORGANISATION = "organisation", _("My organisation")
    PARTNERSHIP = "partnership", _("Partner organisations")
    PUBLIC = "public", _("Public")


class Source(models.TextChoices):
    IMPORT = "import", _("File import")
    LOOKUP = "lookup", _("DOI look-up")
    MANUAL = "manual", _("Entered by hand")
    HORIZON = "horizon", _("Horizon scan")


class OpenAccess(models.TextChoices):
    UNKNOWN = "", _("Not known")
    GOLD = "gold", _("Gold (open at the publisher)")
    HYBRID = "hybrid", _("Hybrid (open in a subscription journal)")
    GREEN = "green", _("Green (open in a repository)")
    BRONZE = "bronze", _("Bronze (free to read, no licence)")
    DIAMOND = "diamond", _("Diamond (free to publish and read)")
    CLOSED = "closed", _("Closed")


RECORD_TYPE_LABELS = {
    RecordType.ARTICLE: _("Journal article"),
    RecordType.REPORT: _("Report"),
    RecordType.BOOK: _("Book"),
    RecordType.CHAPTER: _("Book chapter"),
    RecordType.GUIDELINE: _("Guideline"),
    RecordType.THESIS: _("Thesis"),
    RecordType.DATASET: _("Dataset"),
    RecordType.WEBPAGE: _("Web page"),
    RecordType.POLICY: _("Policy"),
    RecordType.GREY: _("Grey literature"),
}


class RecordQuerySet(models.QuerySet["Record"]):
    def current(self) -> "RecordQuerySet":
        """Records that have not been merged into another."""
        return self.filter(merged_into__isnull=True)

    def visible_to(self, person: Any) -> "RecordQuerySet":
        """Public records, records of the person's organisations, and partnership records for
        anyone in a partner organisation (every organisation in Pontio is a partner)."""
        organisations = person.memberships.values("organisation")
        return self.filter(
            Q(visibility=Visibility.PUBLIC)
            | Q(visibility=Visibility.PARTNERSHIP)
            | Q(organisation__in=organisations)
        )


class Record(models.Model):
    record_type = models.CharField(
        _("type"),
        max_length=12,
        choices=list(RECORD_TYPE_LABELS.items()),
        default=RecordType.ARTICLE,
    )
    title = models.TextField(_("title"))
    abstract = models.TextField(_("abstract"), blank=True)
    # [{"family": .., "given": .., "orcid": .., "openalex_id": ..}] in author order. Kept on the
    # record (not a table) so a 100k-record import stays one row per record.
    authors = models.JSONField(_("authors"), default=list, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    date = models.CharField(_("date"), max_length=10, blank=True)
    container = models.CharField(_("journal or series"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    volume = models.CharField(_("volume"), max_length=40, blank=True)
    issue = models.CharField(_("issue"), max_length=40, blank=True)
    pages = models.CharField(_("pages"), max_length=40, blank=True)
    doi = models.CharField(_("DOI"), max_length=255, blank=True, db_index=True)
    pmid = models.CharField(_("PubMed ID"), max_length=20, blank=True, db_index=True)
    pmcid = models.CharField(_("PubMed Central ID"), max_length=20, blank=True)
    openalex_id = models.CharField(_("OpenAlex ID"), max_length=20, blank=True, db_index=True)
    isbn = models.CharField(_("ISBN"), max_length=40, blank=True)
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    concepts = models.JSONField(_("subject terms from the source"), default=list, blank=True)
    topics = models.ManyToManyField(
        "taxonomy.Topic", blank=True, related_name="records", verbose_name=_("topics")
    )
    oa_status = models.CharField(
        _("open access"), max_length=10, choices=OpenAccess.choices, blank=True
    )
    oa_url = models.URLField(_("open copy"), max_length=1000, blank=True)
    oa_licence = models.CharField(_("licence of the open copy"), max_length=60, blank=True)

    source = models.CharField(_("added by"), max_length=10, choices=Source.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="records_added",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="records"
    )
    visibility = models.CharField(
        _("who can see it"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PARTNERSHIP,
    )
    # Keys for duplicate detection (see services.dedupe).
    title_key = models.CharField(max_length=300, db_index=True, editable=False)
    first_author_key = models.CharField(max_length=100, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_records"
    )
    use_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecordQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["use_count", "updated_at"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("record")
        indexes = [models.Index(fields=["title_key", "year"])]

    def __str__(self) -> str:
        return self.title

    @property
    def author_names(self) -> list[str]:
        return [f"{a.get('given', '')} {a.get('family', '')}".strip() for a in self.authors]

    @property
    def type_label(self) -> str:
        return str(RECORD_TYPE_LABELS.get(RecordType(self.record_type), self.record_type))


class RecordFile(models.Model):
    """A file attached to a record. A file without an open licence is visible only to people
    in the organisation that uploaded it (copyright), with the reason shown to others."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="records/%Y/%m/")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    licence = models.CharField(_("licence"), max_length=60, blank=True)
    openly_licensed = models.BooleanField(_("openly licensed"), default=False)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.filename


class ImportStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to start")
    RUNNING = "running", _("Importing")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")


class Import(models.Model):
    """One file brought into the library, run as a job, ending with a report."""

    filename = models.CharField(max_length=255)
    file = models.FileField(upload_to="imports/%Y/%m/")
    sha256 = models.CharField(max_length=64)
    format = models.CharField(max_length=20)
    csv_mapping = models.JSONField(default=dict, blank=True)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PARTNERSHIP
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="imports"
    )
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.WAITING
    )
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    merged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)  # English, with %(name)s placeholders
    error_params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def error_text(self) -> str:
        return translated(self.error, self.error_params)

    @property
    def percent(self) -> int:
        return round(100 * self.processed / self.total) if self.total else 0


class Outcome(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    MERGED = "merged", _("Merged with an existing record")
    REJECTED = "rejected", _("Rejected")


class ImportRow(models.Model):
    """One line of an import's report."""

    job = models.ForeignKey(Import, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(null=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    # The message in English with %(name)s placeholders, and the values: translated when shown.
    message = models.CharField(max_length=500, blank=True)
    params = models.JSONField(default=dict, blank=True)
    record = models.ForeignKey(Record, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["line", "pk"]
        indexes = [models.Index(fields=["job", "outcome"])]

    def __str__(self) -> str:
        return f"{self.line}: {self.outcome}"

    @property
    def text(self) -> str:
        return translated(self.message, self.params)


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("To review")
    MERGED = "merged", _("Merged")
    DISMISSED = "dismissed", _("Not duplicates")


class DuplicateCandidate(models.Model):
    """Two records that may be the same work, below the certainty at which Pontio merges on
    its own: a knowledge broker decides."""

    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=200)
    score = models.FloatField()
    status = models.CharField(
        max_length=10, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "-created_at"]
        constraints = [models.UniqueConstraint("record", "other", name="duplicate_pair_once")]

    def __str__(self) -> str:
        return f"{self.record_id} ~ {self.other_id}"


class Merge(models.Model):
    """A merge of one record into another, with what both looked like before, so it can be
    undone."""

    kept = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="merges_kept")
    merged = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="merges_merged")
    choices = models.JSONField(default=dict)  # field -> "kept" | "merged"
    kept_before = models.JSONField()
    merged_before = models.JSONField()
    moved = models.JSONField(default=dict)  # what was moved from merged to kept
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.merged_id} -> {self.kept_id}"


class CollectionKind(models.TextChoices):
    TEAM_SHELF = "team_shelf", _("Team shelf")
    READING_LIST = "reading_list", _("Reading list")
    NAMED = "named", _("Collection")


class Collection(models.Model):
    kind = models.CharField(max_length=12, choices=CollectionKind.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    team = models.OneToOneField(
        "organisations.Team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="shelf",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="collections",
    )
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.ORGANISATION
    )
    records = models.ManyToManyField(Record, through="CollectionItem", related_name="collections")
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="collections_followed"
    )
    # Followers have been sent everything added up to this time (the daily email).
    followers_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """A team shelf is named after its team and a reading list is "My reading list", in
        the reader's language; other collections have the name their owner gave."""
        if self.kind == CollectionKind.TEAM_SHELF and self.team is not None:
            return self.team.name
        if self.kind == CollectionKind.READING_LIST:
            return gettext("My reading list")
        return self.name


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    record = models.ForeignKey(Record, on_delete=models.CASCADE, related_name="collection_items")
    note = models.CharField(_("note"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        constraints = [models.UniqueConstraint("collection", "record", name="collection_item_once")]

    def __str__(self) -> str:
        return f"{self.collection}: {self.record}"
