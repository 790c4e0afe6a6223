-- A stand-in for vim.lsp.start (Neovim 0.8+) on Neovim 0.7, so that the README's 0.10 snippet runs in the
-- Neovim Debian 12 ships. It does what the real one is documented to do for that snippet: reuse a running
-- client of the same name and root folder, else start one; attach the buffer; set omnifunc (0.10 does unless
-- the user's own configuration set it; Vim's markdown ftplugin does not count). It tests the snippet's shape,
-- not Neovim 0.10.
if not vim.lsp.start then
  local started = {}
  vim.lsp.start = function(config, opts)
    local bufnr = (opts and opts.bufnr) or vim.api.nvim_get_current_buf()
    local key = config.name .. '\0' .. (config.root_dir or '')
    local id = started[key]
    if not (id and vim.lsp.get_client_by_id(id)) then
      id = vim.lsp.start_client(config)
      started[key] = id
    end
    vim.lsp.buf_attach_client(bufnr, id)
    vim.bo[bufnr].omnifunc = 'v:lua.vim.lsp.omnifunc'
    return id
  end
end
