<?php

namespace Fjord\Project;

final class ProjectRepository
{
    private const TABLE = 'projects';

    public function __construct(private \PDO $pdo) {}

    public static function fromEnv(): self
    {
        return new self(new \PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASSWORD')));
    }

    public function find(string $id): ?array
    {
        $stmt = $this->pdo->prepare('SELECT * FROM ' . self::TABLE . ' WHERE id = ?');
        $stmt->execute([$id]);
        return $stmt->fetch() ?: null;
    }
}
