from django.urls import path

from .views import adding, collections, duplicates, exports, imports, records, search

app_name = "library"

urlpatterns = [
    path("", search.search, name="search"),
    path("export/", exports.export_search, name="export"),
    path("add/", adding.add, name="add"),
    path("add/doi/", adding.add_by_doi, name="add_by_doi"),
    path("add/by-hand/", adding.add_by_hand, name="add_by_hand"),
    path("import/", imports.import_upload, name="import"),
    path("import/<int:pk>/", imports.import_status, name="import_status"),
    path("import/<int:pk>/columns/", imports.import_mapping, name="import_mapping"),
    path("records/<int:pk>/", records.record_detail, name="record"),
    path("records/<int:pk>/edit/", records.record_edit, name="record_edit"),
    path("records/<int:pk>/files/add/", records.file_add, name="file_add"),
    path(
        "records/<int:pk>/add-to-collection/", records.add_to_collection, name="add_to_collection"
    ),
    path("files/<int:pk>/", records.file_download, name="file"),
    path("duplicates/", duplicates.duplicates, name="duplicates"),
    path("duplicates/find/", duplicates.duplicates_find, name="duplicates_find"),
    path("duplicates/<int:pk>/", duplicates.duplicate_review, name="duplicate_review"),
    path("merges/<int:pk>/undo/", duplicates.merge_undo, name="merge_undo"),
    path("collections/", collections.collections, name="collections"),
    path("collections/add/", collections.collection_add, name="collection_add"),
    path("collections/<int:pk>/", collections.collection_detail, name="collection"),
    path("collections/<int:pk>/export/", exports.export_collection, name="collection_export"),
    path("collections/<int:pk>/follow/", collections.collection_follow, name="collection_follow"),
    path(
        "collections/<int:pk>/items/<int:item_pk>/remove/",
        collections.collection_item_remove,
        name="collection_item_remove",
    ),
    path(
        "collections/<int:pk>/items/<int:item_pk>/note/",
        collections.collection_item_note,
        name="collection_item_note",
    ),
]
