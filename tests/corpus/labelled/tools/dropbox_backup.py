import dropbox

dbx = dropbox.Dropbox(oauth2_access_token="sl.V9avJCcZZbBkthYDiqJ4Cuow0g6e_oo1shSXKidFG68hO4Ep3jTUMYuVXltBAjr_lXiCasPtZbw2qWxI0ED1uLzrnqPAy8lWHgxkmmszYxKxEf62Q7tXCUcwFm8_BBqOmHqEcZD7")


def upload(path, data):
    dbx.files_upload(data, path, mode=dropbox.files.WriteMode.overwrite)
