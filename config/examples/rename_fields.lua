-- Reshapes what the JSON parser kept: `category` is renamed to `topic`
-- (lower case), `kicker` moves into the core `caption`, and the
-- newsroom-only `internal` is removed.
contract = {
  reads = { "fields.category", "fields.kicker", "fields.internal" },
  writes = { "fields.topic", "caption" },
}

function process(article)
  local f = article.fields
  if f.category then
    f.topic = f.category:lower()
    f.category = nil
  end
  if f.kicker then
    article.caption = f.kicker
    f.kicker = nil
  end
  f.internal = nil
end
