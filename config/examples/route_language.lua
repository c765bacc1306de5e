-- Routes by language: fields.desk names the desk that handles the
-- article, from a table handed in as params. The SQLite sink stores it
-- with the article, so each desk selects its own:
--   SELECT title FROM articles WHERE json_extract(json, '$.fields.desk') = 'dach'
contract = { reads = { "language" }, writes = { "fields.desk" } }

local desks, fallback

function init(params)
  desks = params.desks or {}
  fallback = params.fallback or "translation"
end

function process(article)
  article.fields.desk = desks[article.language] or fallback
  if article.fields.desk == fallback then
    sluice.log("article " .. article.id .. " in '" .. article.language .. "' goes to " .. fallback)
  end
end
