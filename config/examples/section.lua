-- Adds fields.section from the first segment of the URL path:
-- https://news.example.com/sport/football/cup-final -> "sport".
contract = { reads = { "source_uri" }, writes = { "fields.section" } }

function process(article)
  local path = article.source_uri:match("^https?://[^/]+(/[^?#]*)")
  local section = path and path:match("^/([^/]+)/")
  if section then article.fields.section = section:lower() end
end
