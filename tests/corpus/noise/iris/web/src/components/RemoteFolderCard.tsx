import React, { useEffect, useState } from "react";

export interface RemoteFolderCardProps {
  currency: string;
  tags: string;
  status: string;
  id: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAA8AAAAKCAIAAADkeZOuAAAB10lEQVR42gHMATP+AC+afDSegjmkhz+ojEWukUi0l063m1O9n1nCpFzHq2PNr2fStW3VunLav3fhxAA6ooU9qIxErI9HspROtptTu6BXwaRdx6hgy65m0bRq1Llv2r513sN548iA6ssAQauPR7CVTLWaUbqfVsGiXMWoX8qtZc+yatS2bti7dd7AeeLFf+jLg+3QifHVAEq2mVC5nlXAo1vFqF/IrWXOsmjTt27ZvHTcv3jixn3nyoHtz4jy04v12ZL63QBVv6BYwqVfyatjzLBn0rZu1rlx3L944MR75smB6s6H8dSK9NeR+d6VAOKaBOgAXceqYc2wZ9CzbNa6ctu/duHEeubJgOvMhvDRi/PYkPnclf/hmAPmngjqow7wAGfPsmvWt3DavnXgwnvjxn/qzIPt0Yrz1o/325P+35kB5p4G6aEL76gR9awX+gBv2L1z3sF54sZ958yE7M+H8tSM9tuR/d+WAOWbB+iiCu2lD/OsFPewG/y2HgIAeePGfOjJge3QhvDUjffakPzdlwDimwTooAntpRDyqhP3sBj7tR0AuCQGvikKAILqzofx04v02ZH63JUA45kD558I7KUP8qoU968X+rIeALgiBr0oCcItEMcyFEZDFmmUj9cOAAAAAElFTkSuQmCC";

export function RemoteFolderCard(props: RemoteFolderCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "folder details";
  }, []);
  return (
    <div className="card card-folder" style={{ borderColor: "#afbc7b" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.currency}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
