import React, { useEffect, useState } from "react";

export interface PendingProjectCardProps {
  description: string;
  tags: string;
  region: string;
  createdAt: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAA0AAAANCAIAAAD9iXMrAAACE0lEQVR42gEIAvf9AP8xqgU3sAk9sw5BuBNFvRhMwh5PySJUzSZa0S1e2DBk2zdp4Ttt5QAJOrMOQbgTRL0XSsIdTsciVMwmWNEqX9cxYto0Z+A6beU/celDd/AAEkW9FkjBHE3FIFPKJVnRKVzUL2LZNWjfOWvlPnLpQnXtR3rzTIH4ABtOxR9TyiRWzihd1S5h2TJn3jhr4zxw6EF27UZ5801/91KD/FWJAQAkVs0nWtMuYNgxZtw3auE8cOZCc+tGefFKf/VQgvxUiQBZjgRfkgoAK2DYMWTdNmnhO2/mQXPqRXjwS3z2T4H6U4j/WI0FX5EKY5cPaZsSADVo4Tps5D5x6kN470h8806C+FSF/leMA16RB2GUDGiZE2ugF3CjHAA+cupDd+9IevNMgPdRhf5WiwFcjghhlAtnmhBsnhVwohp2qB95riYAR3rxTYD2UoP7VYgAWo8FYZMLZpgRaZ0Vb6Mbc6Yfeaslf7IohLYtAFCD+1SIAFqNBWCSCWOWDmmbFG6gGXSnHneqInyvJ4O0LIa6Mo2/NgBaiwNfkQpklg1nmxJuoRhyphx3qSF9riaCsyuHuTCMvzePwzuWx0EAYZYOZpoSbZ8WcKUbd6oge60lf7MqhLcxi701jsM6k8dAmctDntBIAGqeF3CkHHaoH3muJICyKoW3Loq9NY7AOpLGPpfKQ57PSaPUTqfaUVNG5Mr014LnAAAAAElFTkSuQmCC";

export function PendingProjectCard(props: PendingProjectCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "project details";
  }, []);
  return (
    <div className="card card-project" style={{ borderColor: "#d205aa" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.description}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
