-- Drops articles shorter than `min_words` words (params.min_words).
-- Dropped articles reach no sink and are counted as dropped, not failed.
contract = { reads = { "title", "body" }, writes = {} }

local min_words

function init(params)
  min_words = params.min_words or 20
end

function process(article)
  local words = 0
  for _, paragraph in ipairs(article.body) do
    for _ in paragraph:gmatch("%S+") do words = words + 1 end
  end
  if words < min_words then
    sluice.drop(string.format("%d words, fewer than %d", words, min_words))
  end
end
