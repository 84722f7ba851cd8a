"""Who reads what residents search for (Editors: it tells them which pages are missing or hard to find)."""

VIEW_SEARCH_TERMS = "search.view_searchterm"
